// @vitest-environment jsdom
import "@/test/dom";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createColumnHelper } from "@tanstack/react-table";
import { describe, expect, it, vi } from "vitest";
import type { TableState } from "@/lib/table-state";
import { DataTable } from "./data-table";

interface Row {
  id: string;
  name: string;
  city: string;
}

const col = createColumnHelper<Row>();
const columns = [
  col.accessor("name", { header: "Name", meta: { label: "Name" } }),
  col.accessor("city", { header: "City", meta: { label: "City" } }),
];
const rows: Row[] = [
  { id: "a", name: "PT Maju Jaya", city: "Jakarta" },
  { id: "b", name: "CV Sinar Abadi", city: "Surabaya" },
];
const state: TableState<"q"> = { page: 1, perPage: 2, sort: [], filters: {}, hidden: [] };

function renderTable(props: Partial<Parameters<typeof DataTable<Row, "q">>[0]> = {}) {
  const onStateChange = vi.fn<(next: TableState<"q">) => void>();
  render(
    <DataTable<Row, "q">
      columns={columns}
      rows={rows}
      total={5}
      state={state}
      onStateChange={onStateChange}
      getRowId={(r) => r.id}
      sortable={["name"]}
      caption="Customers"
      isLoading={false}
      {...props}
    />,
  );
  return { onStateChange };
}

describe("DataTable", () => {
  it("renders one row per record with its cells", () => {
    renderTable();
    const body = screen.getAllByRole("rowgroup")[1]!;
    const shown = within(body).getAllByRole("row");
    expect(shown).toHaveLength(2);
    expect(shown[0]).toHaveAttribute("data-row-id", "a");
    expect(within(shown[0]!).getByText("PT Maju Jaya")).toBeInTheDocument();
    expect(within(shown[1]!).getByText("Surabaya")).toBeInTheDocument();
    expect(screen.getByText("Customers")).toBeInTheDocument();
  });

  it("asks for a sort by a sortable column only, back on page 1", async () => {
    const { onStateChange } = renderTable({ state: { ...state, page: 2 } });
    await userEvent.click(screen.getByRole("button", { name: "Sort by Name" }));
    expect(onStateChange).toHaveBeenCalledWith({
      ...state,
      page: 1,
      sort: [{ id: "name", desc: false }],
    });
    expect(screen.queryByRole("button", { name: "Sort by City" })).not.toBeInTheDocument();
  });

  it("shows the current sort on its header", () => {
    renderTable({ state: { ...state, sort: [{ id: "name", desc: true }] } });
    expect(screen.getByRole("columnheader", { name: /Name/ })).toHaveAttribute(
      "aria-sort",
      "descending",
    );
  });

  it("pages forward and back", async () => {
    const { onStateChange } = renderTable({ state: { ...state, page: 2 } });
    await userEvent.click(screen.getByRole("button", { name: "Next page" }));
    expect(onStateChange).toHaveBeenLastCalledWith({ ...state, page: 3 });
    await userEvent.click(screen.getByRole("button", { name: "Previous page" }));
    expect(onStateChange).toHaveBeenLastCalledWith({ ...state, page: 1 });
  });

  it("shows the page's own empty state when nothing is filtered", () => {
    renderTable({ rows: [], total: 0, empty: <p>No customers yet</p> });
    expect(screen.getByText("No customers yet")).toBeInTheDocument();
  });

  it("offers to clear the filters when they leave nothing", async () => {
    const onClearFilters = vi.fn();
    renderTable({
      rows: [],
      total: 0,
      state: { ...state, filters: { q: "zzz" } },
      empty: <p>No customers yet</p>,
      onClearFilters,
    });
    expect(screen.getByText("No results")).toBeInTheDocument();
    expect(screen.queryByText("No customers yet")).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Clear filters" }));
    expect(onClearFilters).toHaveBeenCalledOnce();
  });
});
