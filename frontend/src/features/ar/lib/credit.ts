/**
 * A customer's credit (DSO-1): what is sent to allocate a payment's unapplied cash
 * (POST /payments/{id}/allocations) and why the void of an invoice was refused. Sums in
 * integer cents, like the payment form's allocation editor.
 */
import { toCents } from "@/lib/money";
import type { AllocationDraft, OpenInvoice } from "./allocation";

export const CREDIT_MODES = ["fifo", "manual"] as const;
export type CreditMode = (typeof CREDIT_MODES)[number];

/** Why the credit cannot be allocated as it stands. */
export type CreditProblem = "noCredit" | "nothingOpen" | "nothingTyped" | "fixRows";

export type CreditPlan =
  | { ok: true; body: { allocations?: { invoice_id: string; amount: string }[] } }
  | { ok: false; problem: CreditProblem };

/**
 * The request body for allocating `unapplied` (the payment's credit) to `rows` (the
 * customer's open invoices): FIFO sends no allocations (the server picks, oldest due
 * first); manual sends the typed ones, which must all be valid and within the credit.
 */
export function planCreditAllocation(
  mode: CreditMode,
  unapplied: string,
  rows: readonly OpenInvoice[],
  draft: AllocationDraft,
): CreditPlan {
  if (toCents(unapplied) <= 0n) return { ok: false, problem: "noCredit" };
  if (rows.length === 0) return { ok: false, problem: "nothingOpen" };
  if (mode === "fifo") return { ok: true, body: {} };
  if (Object.keys(draft.problems).length > 0 || draft.over)
    return { ok: false, problem: "fixRows" };
  if (draft.allocations.length === 0) return { ok: false, problem: "nothingTyped" };
  return { ok: true, body: { allocations: draft.allocations } };
}

/**
 * Why POST /invoices/{id}/void answered: "allocated" when the 409 is about payments still
 * allocated to the invoice (shown on its page, or named by the server), "void" when it is
 * void already, null for anything else.
 */
export function voidRefusal(
  status: number,
  details: Readonly<Record<string, readonly string[]>>,
  allocationsShown: number,
): "allocated" | "void" | null {
  if (status !== 409) return null;
  const text = (details.invoice ?? []).join(" ");
  if (allocationsShown > 0 || /allocat/i.test(text)) return "allocated";
  if (/\bvoid\b/i.test(text)) return "void";
  return null;
}
