import { describe, expect, it } from "vitest";
import { emptyPayment, paymentSchema, toPaymentBody } from "./payment-schema";

const today = "2026-12-04";
const schema = paymentSchema(today);
const valid = {
  ...emptyPayment(today),
  customer_id: "11111111-1111-4111-8111-111111111111",
  amount: "2.500.000",
  reference: "  TRF BCA 0412 ",
};

describe("paymentSchema", () => {
  it("parses into POST /payments' body, FIFO by leaving allocations out", () => {
    const base = schema.parse(valid);
    expect(base).toEqual({
      customer_id: "11111111-1111-4111-8111-111111111111",
      payment_date: today,
      amount: "2500000.00",
      method: "bank_transfer",
      reference: "TRF BCA 0412",
    });
    expect(toPaymentBody(base, null)).not.toHaveProperty("allocations");
    expect(toPaymentBody(base, [{ invoice_id: "i", amount: "10.00" }]).allocations).toEqual([
      { invoice_id: "i", amount: "10.00" },
    ]);
    // Manual with nothing typed: the whole payment becomes the customer's credit.
    expect(toPaymentBody(base, []).allocations).toEqual([]);
  });

  it("refuses a payment dated after today, as the server does", () => {
    const result = schema.safeParse({ ...valid, payment_date: "2026-12-05" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("ar.validation.futurePayment");
  });

  it("refuses an amount of 0, more than two decimals and an unknown method", () => {
    expect(schema.safeParse({ ...valid, amount: "0,00" }).error?.issues[0]?.message).toBe(
      "ar.validation.positive",
    );
    expect(schema.safeParse({ ...valid, amount: "1,005" }).error?.issues[0]?.message).toBe(
      "ar.validation.amount",
    );
    expect(schema.safeParse({ ...valid, method: "bitcoin" }).success).toBe(false);
  });
});
