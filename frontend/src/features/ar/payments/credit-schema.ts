/**
 * The "allocate remaining credit" dialog's form (POST /payments/{id}/allocations): the
 * mode and, in manual mode, the amount typed per open invoice. Parses into the request
 * body, or fails on `mode` with the reason (an `ar.credit.problems.*` key).
 */
import { z } from "zod";
import type { Assert, IsAssignable } from "@/lib/form-types";
import { draftAllocations, type OpenInvoice } from "../lib/allocation";
import { CREDIT_MODES, planCreditAllocation } from "../lib/credit";
import type { AllocatePaymentBody } from "../types";

export function creditSchema(unapplied: string, rows: readonly OpenInvoice[]) {
  return z
    .object({
      mode: z.enum(CREDIT_MODES),
      texts: z.record(z.string(), z.string()),
    })
    .transform(({ mode, texts }, ctx) => {
      const draft = draftAllocations(unapplied, rows, texts);
      const plan = planCreditAllocation(mode, unapplied, rows, draft);
      if (plan.ok) return plan.body;
      ctx.addIssue({
        code: "custom",
        path: ["mode"],
        message: `ar.credit.problems.${plan.problem}`,
      });
      return z.NEVER;
    });
}

type Schema = ReturnType<typeof creditSchema>;
export type CreditValues = z.input<Schema>;
export type CreditBody = z.output<Schema>;
export type CreditBodyFitsApi = Assert<IsAssignable<CreditBody, AllocatePaymentBody>>;

export const emptyCredit: CreditValues = { mode: "fifo", texts: {} };
