/**
 * The close dialog's rules (TCK-1): an inquiry (RFQ) records won or lost, and a
 * lost inquiry needs its reason; the values parse into PATCH /tickets/{id}'s body.
 */
import { z } from "zod";
import { INQUIRY_OUTCOME_VALUES } from "@/api/enums.gen";
import type { Assert, IsAssignable } from "@/lib/form-types";
import type { UpdateTicketBody } from "./types";

export function closeTicketSchema(inquiry: boolean) {
  return z
    .object({
      // A radio group with nothing chosen reads as null.
      inquiry_outcome: z.union([z.enum(INQUIRY_OUTCOME_VALUES), z.literal(""), z.null()]),
      close_reason: z.string().trim(),
    })
    .superRefine((v, ctx) => {
      if (inquiry && !v.inquiry_outcome) {
        ctx.addIssue({
          code: "custom",
          path: ["inquiry_outcome"],
          message: "tickets.close.outcomeRequired",
        });
      }
      if (inquiry && v.inquiry_outcome === "lost" && v.close_reason === "") {
        ctx.addIssue({
          code: "custom",
          path: ["close_reason"],
          message: "tickets.close.reasonRequiredLost",
        });
      }
    })
    .transform(({ inquiry_outcome, close_reason }) => ({
      status: "closed" as const,
      ...(close_reason ? { close_reason } : {}),
      ...(inquiry && inquiry_outcome ? { inquiry_outcome } : {}),
    }));
}

type Schema = ReturnType<typeof closeTicketSchema>;
export type CloseTicketValues = z.input<Schema>;
export type CloseTicketBody = z.output<Schema>;
export type CloseTicketFitsApi = Assert<IsAssignable<CloseTicketBody, UpdateTicketBody>>;
