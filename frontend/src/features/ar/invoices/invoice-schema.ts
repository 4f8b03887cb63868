/**
 * The invoice form's rules, mirroring POST /invoices (DSO-1): a customer, both days,
 * a due date on or after the invoice date, an amount above 0 with at most two decimals
 * (typed the Indonesian way), and the server's lengths. Values parse into its body.
 */
import { z } from "zod";
import { v } from "@/components/form/field-error";
import type { Assert, IsAssignable } from "@/lib/form-types";
import { parseMoneyInput, toCents } from "@/lib/money";
import { isDay } from "../lib/as-of";
import type { CreateInvoiceBody, VoidInvoiceBody } from "../types";

/** A required calendar day (the day field gives `YYYY-MM-DD` or the text it could not read). */
export const dayRule = z
  .string()
  .min(1, { message: v.required, abort: true })
  .refine(isDay, "ar.validation.day");

/** A required money amount above 0, typed `1.500.000,50`. */
export const amountRule = z
  .string()
  .trim()
  .min(1, { message: v.required, abort: true })
  .refine((a) => parseMoneyInput(a) !== null, { message: "ar.validation.amount", abort: true })
  .refine((a) => toCents(parseMoneyInput(a)) > 0n, "ar.validation.positive");

export const invoiceSchema = z
  .object({
    customer_id: z.string().min(1, "ar.validation.customer"),
    invoice_number: z.string().trim().max(60, v.max(60)),
    invoice_date: dayRule,
    due_date: dayRule,
    amount: amountRule,
    description: z.string().trim().max(2000, v.max(2000)),
  })
  .superRefine((values, ctx) => {
    if (
      isDay(values.invoice_date) &&
      isDay(values.due_date) &&
      values.due_date < values.invoice_date
    )
      ctx.addIssue({
        code: "custom",
        path: ["due_date"],
        message: "ar.validation.dueBeforeInvoice",
      });
  })
  .transform(({ invoice_number, description, amount, ...rest }) => ({
    ...rest,
    amount: parseMoneyInput(amount) ?? amount,
    ...(invoice_number ? { invoice_number } : {}),
    ...(description ? { description } : {}),
  }));

export type InvoiceValues = z.input<typeof invoiceSchema>;
export type InvoiceBody = z.output<typeof invoiceSchema>;
export type InvoiceFormFitsApi = Assert<IsAssignable<InvoiceBody, CreateInvoiceBody>>;

export const INVOICE_FIELDS = [
  "customer_id",
  "invoice_number",
  "invoice_date",
  "due_date",
  "amount",
  "description",
] as const satisfies readonly (keyof InvoiceValues)[];

export function emptyInvoice(today: string, dueDate: string, customerId = ""): InvoiceValues {
  return {
    customer_id: customerId,
    invoice_number: "",
    invoice_date: today,
    due_date: dueDate,
    amount: "",
    description: "",
  };
}

/** POST invoices/{id}/void: the reason is required, at most 500 characters. */
export const voidSchema = z.object({
  reason: z.string().trim().min(1, v.required).max(500, v.max(500)),
});
export type VoidFitsApi = Assert<IsAssignable<z.output<typeof voidSchema>, VoidInvoiceBody>>;
