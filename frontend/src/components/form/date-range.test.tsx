// @vitest-environment jsdom
import "@/test/dom";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { DateRangeFilter } from "./date-range";

describe("DateRangeFilter", () => {
  it("shows its days as dd/mm/yyyy and sends what is typed as YYYY-MM-DD", async () => {
    const onChange = vi.fn();
    render(<DateRangeFilter from="2026-12-01" to={undefined} onChange={onChange} />);
    expect(screen.getByTestId("range-from")).toHaveValue("01/12/2026");
    await userEvent.type(screen.getByTestId("range-to"), "31/12/2026{Enter}");
    expect(onChange).toHaveBeenLastCalledWith({ from: "2026-12-01", to: "2026-12-31" });
  });

  it("does not filter by text that is not a day", async () => {
    const onChange = vi.fn();
    render(<DateRangeFilter from={undefined} to={undefined} onChange={onChange} />);
    await userEvent.type(screen.getByTestId("range-from"), "12/31/2026{Enter}");
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByTestId("range-from")).toHaveValue("12/31/2026");
  });
});
