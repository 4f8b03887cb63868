import { describe, expect, it } from "vitest";
import type { OpenInvoice } from "../lib/allocation";
import { creditSchema, emptyCredit } from "./credit-schema";

const open: OpenInvoice[] = [
  {
    invoice_id: "i1",
    invoice_code: "INV-1",
    invoice_date: "2026-01-01",
    due_date: "2026-02-01",
    outstanding: "1000000.00",
  },
];

describe("creditSchema", () => {
  it("parses FIFO into a body without allocations", () => {
    expect(creditSchema("250000.00", open).parse(emptyCredit)).toEqual({});
  });

  it("parses manual amounts (Indonesian numbers) into POST /payments/{id}/allocations", () => {
    const body = creditSchema("250000.00", open).parse({
      mode: "manual",
      texts: { i1: "250.000" },
    });
    expect(body).toEqual({ allocations: [{ invoice_id: "i1", amount: "250000.00" }] });
  });

  it("fails on mode with the reason's i18n key", () => {
    const over = creditSchema("250000.00", open).safeParse({
      mode: "manual",
      texts: { i1: "250.000,01" },
    });
    expect(over.success).toBe(false);
    expect(over.error?.issues[0]).toMatchObject({
      path: ["mode"],
      message: "ar.credit.problems.fixRows",
    });
    const none = creditSchema("250000.00", []).safeParse(emptyCredit);
    expect(none.error?.issues[0]?.message).toBe("ar.credit.problems.nothingOpen");
  });
});
