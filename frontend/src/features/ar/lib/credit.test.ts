import { describe, expect, it } from "vitest";
import { draftAllocations, type OpenInvoice } from "./allocation";
import { planCreditAllocation, voidRefusal } from "./credit";

const row = (id: string, outstanding: string): OpenInvoice => ({
  invoice_id: id,
  invoice_code: `INV-${id}`,
  invoice_date: "2026-01-01",
  due_date: "2026-02-01",
  outstanding,
});
const open = [row("a", "100.00"), row("b", "250.00")];
const plan = (mode: "fifo" | "manual", credit: string, texts: Record<string, string> = {}) =>
  planCreditAllocation(mode, credit, open, draftAllocations(credit, open, texts));

describe("planCreditAllocation", () => {
  it("sends no allocations in FIFO mode (the server picks the oldest due first)", () => {
    expect(plan("fifo", "150.00")).toEqual({ ok: true, body: {} });
  });

  it("sends the typed allocations in manual mode, within the credit to the cent", () => {
    expect(plan("manual", "150.00", { a: "100", b: "50" })).toEqual({
      ok: true,
      body: {
        allocations: [
          { invoice_id: "a", amount: "100.00" },
          { invoice_id: "b", amount: "50.00" },
        ],
      },
    });
    // One cent over the credit, or over an invoice's outstanding: fix first.
    expect(plan("manual", "150.00", { a: "100", b: "50,01" })).toEqual({
      ok: false,
      problem: "fixRows",
    });
    expect(plan("manual", "500.00", { a: "100,01" })).toEqual({ ok: false, problem: "fixRows" });
    expect(plan("manual", "150.00", { a: "x" })).toEqual({ ok: false, problem: "fixRows" });
  });

  it("refuses a manual allocation with nothing typed", () => {
    expect(plan("manual", "150.00", { a: " " })).toEqual({ ok: false, problem: "nothingTyped" });
  });

  it("refuses when no credit is left or no invoice is open", () => {
    expect(plan("fifo", "0.00")).toEqual({ ok: false, problem: "noCredit" });
    expect(planCreditAllocation("fifo", "10.00", [], draftAllocations("10.00", [], {}))).toEqual({
      ok: false,
      problem: "nothingOpen",
    });
  });
});

describe("voidRefusal", () => {
  const allocated = {
    invoice: ["has payments allocated to it; reverse those allocations before voiding it"],
  };

  it("names allocations when the 409 is about them or the page lists some", () => {
    expect(voidRefusal(409, allocated, 0)).toBe("allocated");
    expect(voidRefusal(409, {}, 2)).toBe("allocated");
  });

  it("tells a void invoice apart, and ignores every other answer", () => {
    expect(voidRefusal(409, { invoice: ["is void"] }, 0)).toBe("void");
    expect(voidRefusal(409, {}, 0)).toBeNull();
    expect(voidRefusal(422, allocated, 2)).toBeNull();
  });
});
