import { describe, expect, it } from "vitest";
import { formatDecimalInput } from "@/lib/number-input";
import {
  draftAllocations,
  fifoOrder,
  fifoPreview,
  fifoTexts,
  mapAllocationErrors,
  type OpenInvoice,
} from "./allocation";

const row = (id: string, due: string, outstanding: string, issued = "2026-01-01"): OpenInvoice => ({
  invoice_id: id,
  invoice_code: `INV-${id}`,
  invoice_date: issued,
  due_date: due,
  outstanding,
});

// Listed out of order on purpose: FIFO is by due date, then invoice date, then id.
const open = [
  row("c", "2026-03-01", "50.00"),
  row("b", "2026-02-01", "250.00", "2026-01-15"),
  row("a", "2026-02-01", "100.00", "2026-01-10"),
];

describe("fifoOrder", () => {
  it("takes the oldest due date first, then the invoice date, then the id", () => {
    expect(fifoOrder(open).map((r) => r.invoice_id)).toEqual(["a", "b", "c"]);
    const tie = [row("f", "2026-02-01", "1.00"), row("e", "2026-02-01", "1.00")];
    expect(fifoOrder(tie).map((r) => r.invoice_id)).toEqual(["e", "f"]);
  });
});

describe("fifoPreview", () => {
  it("fills the oldest first and leaves the rest as credit (the server's fixture)", () => {
    // 300.00 = 100.00 to a + 200.00 to b; c untouched.
    expect([...fifoPreview(30_000n, open)]).toEqual([
      ["a", 10_000n],
      ["b", 20_000n],
    ]);
    // 500.00 covers all 400.00; 100.00 stays as credit (not allocated).
    const all = fifoPreview(50_000n, open);
    expect([...all.values()].reduce((s, c) => s + c, 0n)).toBe(40_000n);
    expect(all.size).toBe(3);
    expect(fifoPreview(10_000n, []).size).toBe(0);
    expect(fifoPreview(0n, open).size).toBe(0);
  });

  it("is exact to the cent where floats are not", () => {
    const rows = [row("x", "2026-01-01", "0.10"), row("y", "2026-01-02", "0.20")];
    // 0.1 + 0.2 !== 0.3 in floating point; in cents it is.
    expect([...fifoPreview(30n, rows).values()]).toEqual([10n, 20n]);
    const big = [row("z", "2026-01-01", "9007199254740993.07")];
    expect(fifoPreview(900719925474099307n, big).get("z")).toBe(900719925474099307n);
  });

  it("becomes typed amounts for a manual start", () => {
    expect(fifoTexts(fifoPreview(30_000n, open), formatDecimalInput)).toEqual({
      a: "100",
      b: "200",
    });
  });
});

describe("draftAllocations", () => {
  it("keeps the remaining live: payment − Σ allocations", () => {
    const draft = draftAllocations("1500000.00", open, { a: "100", b: "1.000,50", c: "" });
    expect(draft.problems).toEqual({ b: "overOutstanding" });
    expect(draft.allocated).toBe(110_050n);
    expect(draft.remaining).toBe(150_000_000n - 110_050n);
    expect(draft.over).toBe(false);
    // In the editor's order (rows as listed), blank rows left out.
    expect(draft.allocations).toEqual([
      { invoice_id: "b", amount: "1000.50" },
      { invoice_id: "a", amount: "100.00" },
    ]);
  });

  it("flags allocations beyond the payment, and unreadable or zero amounts", () => {
    const draft = draftAllocations("150.00", open, { a: "100", b: "60", c: "abc" });
    expect(draft.remaining).toBe(-1_000n);
    expect(draft.over).toBe(true);
    expect(draft.problems).toEqual({ c: "invalid" });
    expect(draftAllocations("1.00", open, { a: "0" }).problems).toEqual({ a: "notPositive" });
    expect(draftAllocations("1.00", open, { a: "1,234" }).problems).toEqual({ a: "invalid" });
  });

  it("has no remaining until the payment amount reads", () => {
    expect(draftAllocations(null, open, { a: "10" }).remaining).toBeNull();
    expect(draftAllocations("10.00", open, {}).remaining).toBe(1_000n);
  });
});

describe("mapAllocationErrors", () => {
  it("puts allocations[i] on the i-th sent invoice and keeps the rest", () => {
    const sent = [{ invoice_id: "b" }, { invoice_id: "a" }];
    const mapped = mapAllocationErrors(
      {
        "allocations[0].amount": ["is more than the invoice's outstanding 250.00"],
        "allocations[1].invoice_id": ["is not an open invoice of this customer"],
        allocations: ["add up to 400.00, more than the payment's 300.00"],
        payment_date: ["cannot be in the future"],
        "allocations[7].amount": ["is required"],
      },
      sent,
    );
    expect(mapped.rows).toEqual({
      b: "is more than the invoice's outstanding 250.00",
      a: "is not an open invoice of this customer",
    });
    expect(mapped.summary).toEqual([
      "add up to 400.00, more than the payment's 300.00",
      "is required",
    ]);
    expect(mapped.fields).toEqual({ payment_date: ["cannot be in the future"] });
  });
});
