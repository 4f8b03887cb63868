// @vitest-environment jsdom
import "@/test/dom";
import { QueryClient, QueryClientProvider, queryOptions } from "@tanstack/react-query";
import {
  createMemoryHistory,
  createRootRoute,
  createRouter,
  RouterProvider,
} from "@tanstack/react-router";
import { createColumnHelper } from "@tanstack/react-table";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DataTable } from "@/components/data-table/data-table";
import type { TableConfig } from "@/lib/table-state";
import { useListPage, type ApiListQuery } from "./use-list-page";

interface Row {
  id: string;
  name: string;
}
const TABLE: TableConfig<"q"> = { filters: ["q"], sortable: ["name"] };
const col = createColumnHelper<Row>();
const columns = [col.accessor("name", { header: "Name", meta: { label: "Name" } })];

const fetchPage = vi.fn((query: ApiListQuery<"q">) =>
  Promise.resolve({
    data: [{ id: `r${query.page}`, name: `Row on page ${query.page}` }],
    total: 50,
  }),
);
const pageQuery = (query: ApiListQuery<"q">) =>
  queryOptions({ queryKey: ["rows", query], queryFn: () => fetchPage(query) });

function ListPage({ onExport }: { onExport: (rows: Row[] | undefined) => void }) {
  const list = useListPage({
    table: TABLE,
    queryOptions: pageQuery,
    columns,
    getRowId: (r) => r.id,
    exportList: ({ rows }) => onExport(rows),
  });
  return (
    <>
      <button type="button" onClick={() => list.setFilter("q", "maju")}>
        Filter
      </button>
      <button type="button" onClick={list.exportRows}>
        Export
      </button>
      <DataTable {...list.dataTable} caption="Rows" />
    </>
  );
}

function renderAt(url: string, onExport = vi.fn()) {
  const router = createRouter({
    routeTree: createRootRoute({ component: () => <ListPage onExport={onExport} /> }),
    history: createMemoryHistory({ initialEntries: [url] }),
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { router, onExport };
}

describe("useListPage", () => {
  // The router restores scroll on navigation; jsdom has no scrolling.
  beforeEach(() => {
    vi.spyOn(window, "scrollTo").mockImplementation(() => undefined);
  });

  it("queries the page the URL asks for and writes paging back to the URL", async () => {
    const { router } = renderAt("/?page=2&per_page=10&sort=-name");
    expect(await screen.findByText("Row on page 2")).toBeInTheDocument();
    expect(fetchPage).toHaveBeenLastCalledWith({ page: 2, per_page: 10, sort: "-name" });

    await userEvent.click(screen.getByRole("button", { name: "Next page" }));
    expect(await screen.findByText("Row on page 3")).toBeInTheDocument();
    expect(router.state.location.search).toEqual({ page: "3", per_page: "10", sort: "-name" });
  });

  it("goes back to page 1 when a filter changes, and exports the rows shown", async () => {
    const { router, onExport } = renderAt("/?page=4");
    await screen.findByText("Row on page 4");
    await userEvent.click(screen.getByRole("button", { name: "Filter" }));
    await waitFor(() => expect(router.state.location.search).toEqual({ q: "maju" }));
    expect(fetchPage).toHaveBeenLastCalledWith({ page: 1, per_page: 25, q: "maju" });

    await screen.findByText("Row on page 1");
    await userEvent.click(screen.getByRole("button", { name: "Export" }));
    expect(onExport).toHaveBeenCalledWith([{ id: "r1", name: "Row on page 1" }]);
  });
});
