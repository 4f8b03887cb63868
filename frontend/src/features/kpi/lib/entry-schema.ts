/**
 * The manual entry form's rules, mirroring POST kpi/entries (KPI-3): a MANUAL or
 * IMPORTED metric, an assignee of the kind's shape, a day not after today, a value ≥ 0
 * with at most two decimals (`1.500.000,50`), a note of at most 1,000 characters and
 * optional evidence (a file already uploaded to `kpi-evidence`).
 */
import { z } from "zod";
import { ASSIGNEE_KIND_VALUES, type AssigneeKind } from "@/api/enums.gen";
import { v } from "@/components/form/field-error";
import { isDay } from "@/features/ar/lib/as-of";
import { isOneOf } from "@/lib/enums";
import type { Assert, IsAssignable } from "@/lib/form-types";
import { parseMoneyInput } from "@/lib/money";
import type { CreateEntryBody } from "../types";
import { valueRule } from "./target-schema";

export function entrySchema(today: string) {
  return z
    .object({
      metric_key: z.string().min(1, "kpi.validation.metric"),
      assignee_kind: z.string().refine((k) => isOneOf(ASSIGNEE_KIND_VALUES, k), v.required),
      assignee_user_id: z.string(),
      assignee_dept: z.string(),
      entry_date: z
        .string()
        .min(1, { message: v.required, abort: true })
        .refine(isDay, { message: "kpi.validation.day", abort: true })
        .refine((d) => d <= today, "kpi.validation.future"),
      value: valueRule,
      note: z.string().trim().max(1000, v.max(1000)),
      evidence_file_id: z.string(),
    })
    .superRefine((f, ctx) => {
      if ((f.assignee_kind === "user" || f.assignee_kind === "team") && !f.assignee_user_id)
        ctx.addIssue({
          code: "custom",
          path: ["assignee_user_id"],
          message: "kpi.validation.person",
        });
      if (f.assignee_kind === "dept" && !f.assignee_dept)
        ctx.addIssue({ code: "custom", path: ["assignee_dept"], message: "kpi.validation.dept" });
    })
    .transform((f) => {
      const kind: AssigneeKind = isOneOf(ASSIGNEE_KIND_VALUES, f.assignee_kind)
        ? f.assignee_kind
        : "user";
      return {
        metric_key: f.metric_key,
        assignee_kind: kind,
        ...(kind === "user" || kind === "team" ? { assignee_user_id: f.assignee_user_id } : {}),
        ...(kind === "dept" ? { assignee_dept: f.assignee_dept } : {}),
        entry_date: f.entry_date,
        value: parseMoneyInput(f.value) ?? f.value,
        ...(f.note ? { note: f.note } : {}),
        ...(f.evidence_file_id ? { evidence_file_id: f.evidence_file_id } : {}),
      };
    });
}

export type EntryValues = z.input<ReturnType<typeof entrySchema>>;
export type EntryBody = z.output<ReturnType<typeof entrySchema>>;
export type EntryFormFitsApi = Assert<IsAssignable<EntryBody, CreateEntryBody>>;

export const ENTRY_FIELDS = [
  "metric_key",
  "assignee_kind",
  "assignee_user_id",
  "assignee_dept",
  "entry_date",
  "value",
  "note",
  "evidence_file_id",
] as const satisfies readonly (keyof EntryValues)[];
