/**
 * The payment form's rules, mirroring POST /payments (DSO-1): a customer, a payment
 * date not after today (Asia/Jakarta), an amount above 0 with at most two decimals, a
 * method, a reference of at most 120 characters. Allocations are the editor's (see
 * lib/allocation): none sent means FIFO on the server.
 */
import { z } from "zod";
import { PAYMENT_METHOD_VALUES } from "@/api/enums.gen";
import { v } from "@/components/form/field-error";
import type { Assert, IsAssignable } from "@/lib/form-types";
import { parseMoneyInput } from "@/lib/money";
import { amountRule, dayRule } from "../invoices/invoice-schema";
import type { AllocationBody, CreatePaymentBody } from "../types";

export function paymentSchema(today: string) {
  return z
    .object({
      customer_id: z.string().min(1, "ar.validation.customer"),
      payment_date: dayRule.refine((d) => d <= today, "ar.validation.futurePayment"),
      amount: amountRule,
      method: z.enum(PAYMENT_METHOD_VALUES),
      reference: z.string().trim().max(120, v.max(120)),
    })
    .transform(({ reference, amount, ...rest }) => ({
      ...rest,
      amount: parseMoneyInput(amount) ?? amount,
      ...(reference ? { reference } : {}),
    }));
}

type Schema = ReturnType<typeof paymentSchema>;
export type PaymentValues = z.input<Schema>;
export type PaymentBase = z.output<Schema>;
export type PaymentFormFitsApi = Assert<IsAssignable<PaymentBase, CreatePaymentBody>>;

export const PAYMENT_FIELDS = [
  "customer_id",
  "payment_date",
  "amount",
  "method",
  "reference",
] as const satisfies readonly (keyof PaymentValues)[];

export function emptyPayment(today: string): PaymentValues {
  return {
    customer_id: "",
    payment_date: today,
    amount: "",
    method: "bank_transfer",
    reference: "",
  };
}

/** The request body: FIFO sends no allocations at all; manual sends the typed ones. */
export function toPaymentBody(
  base: PaymentBase,
  allocations: readonly AllocationBody[] | null,
): CreatePaymentBody {
  return allocations === null ? base : { ...base, allocations: [...allocations] };
}
