import { describe, expect, it } from "vitest";
import { emptyInvoice, invoiceSchema } from "./invoice-schema";

const valid = {
  ...emptyInvoice("2026-11-01", "2026-12-01", "11111111-1111-4111-8111-111111111111"),
  amount: "1.500.000,50",
  invoice_number: " 001/FIN/XI ",
};

const issues = (values: typeof valid) => {
  const result = invoiceSchema.safeParse(values);
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("invoiceSchema", () => {
  it("parses into POST /invoices' body: exact amount, trimmed optional fields", () => {
    expect(invoiceSchema.parse(valid)).toEqual({
      customer_id: "11111111-1111-4111-8111-111111111111",
      invoice_date: "2026-11-01",
      due_date: "2026-12-01",
      amount: "1500000.50",
      invoice_number: "001/FIN/XI",
    });
  });

  it("mirrors the server's rules", () => {
    expect(issues({ ...valid, due_date: "2026-10-31" })).toEqual({
      due_date: "ar.validation.dueBeforeInvoice",
    });
    expect(issues({ ...valid, amount: "0" })).toEqual({ amount: "ar.validation.positive" });
    expect(issues({ ...valid, amount: "1.234,567" })).toEqual({ amount: "ar.validation.amount" });
    expect(issues({ ...valid, invoice_date: "31/02/2026" })).toEqual({
      invoice_date: "ar.validation.day",
    });
    expect(issues({ ...valid, customer_id: "" })).toEqual({
      customer_id: "ar.validation.customer",
    });
    expect(issues({ ...valid, invoice_number: "x".repeat(61) })).toEqual({
      invoice_number: "validation.maxLength|60",
    });
  });
});
