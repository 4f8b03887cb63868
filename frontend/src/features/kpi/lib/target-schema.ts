/**
 * The target form's rules, mirroring POST/PATCH kpi/targets (KPI-2): a metric, an
 * assignee of the kind's shape, a period (`2026-11`, `2026-Q4`, `2026`) or two days
 * (end on or after start), a value ≥ 0 with at most two decimals typed the Indonesian
 * way (`1.500.000,50`) and a note of at most 1,000 characters.
 */
import { z } from "zod";
import { ASSIGNEE_KIND_VALUES, type AssigneeKind } from "@/api/enums.gen";
import { v } from "@/components/form/field-error";
import { isDay } from "@/features/ar/lib/as-of";
import { isOneOf } from "@/lib/enums";
import type { Assert, IsAssignable } from "@/lib/form-types";
import { parseMoneyInput } from "@/lib/money";
import type { CreateTargetBody, UpdateTargetBody } from "../types";
import { parsePeriod } from "./period";

/** A KPI value: required, ≥ 0, two decimals at most (the API's numeric(18, 2)). */
export const valueRule = z
  .string()
  .trim()
  .min(1, { message: v.required, abort: true })
  .refine((a) => parseMoneyInput(a) !== null, "kpi.validation.value");

const dayRule = z.string().refine((d) => d === "" || isDay(d), "kpi.validation.day");

export type PeriodMode = "period" | "range";

export const targetSchema = z
  .object({
    metric_key: z.string().min(1, "kpi.validation.metric"),
    assignee_kind: z.string().refine((k) => isOneOf(ASSIGNEE_KIND_VALUES, k), v.required),
    assignee_user_id: z.string(),
    assignee_dept: z.string(),
    mode: z.string(),
    period: z.string(),
    period_start: dayRule,
    period_end: dayRule,
    target_value: valueRule,
    note: z.string().trim().max(1000, v.max(1000)),
  })
  .superRefine((f, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: "custom", path: [path], message });
    if ((f.assignee_kind === "user" || f.assignee_kind === "team") && !f.assignee_user_id)
      issue("assignee_user_id", "kpi.validation.person");
    if (f.assignee_kind === "dept" && !f.assignee_dept)
      issue("assignee_dept", "kpi.validation.dept");
    if (f.mode === "period") {
      if (!parsePeriod(f.period)) issue("period", "kpi.validation.period");
      return;
    }
    if (!f.period_start) issue("period_start", v.required);
    if (!f.period_end) issue("period_end", v.required);
    if (isDay(f.period_start) && isDay(f.period_end) && f.period_end < f.period_start)
      issue("period_end", "kpi.validation.endBeforeStart");
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
      ...(f.mode === "period"
        ? { period: f.period }
        : { period_start: f.period_start, period_end: f.period_end }),
      target_value: parseMoneyInput(f.target_value) ?? f.target_value,
      ...(f.note ? { note: f.note } : {}),
    };
  });

export type TargetValues = z.input<typeof targetSchema>;
export type TargetBody = z.output<typeof targetSchema>;
export type TargetFormFitsApi = Assert<IsAssignable<TargetBody, CreateTargetBody>>;

export const TARGET_FIELDS = [
  "metric_key",
  "assignee_kind",
  "assignee_user_id",
  "assignee_dept",
  "period",
  "period_start",
  "period_end",
  "target_value",
  "note",
] as const satisfies readonly (keyof TargetValues)[];

/** A change to a target: both days, the value and the note. */
export const targetPatchSchema = z
  .object({
    period_start: z.string().min(1, v.required).refine(isDay, "kpi.validation.day"),
    period_end: z.string().min(1, v.required).refine(isDay, "kpi.validation.day"),
    target_value: valueRule,
    note: z.string().trim().max(1000, v.max(1000)),
  })
  .superRefine((f, ctx) => {
    if (isDay(f.period_start) && isDay(f.period_end) && f.period_end < f.period_start)
      ctx.addIssue({
        code: "custom",
        path: ["period_end"],
        message: "kpi.validation.endBeforeStart",
      });
  })
  .transform((f) => ({ ...f, target_value: parseMoneyInput(f.target_value) ?? f.target_value }));

export type TargetPatchValues = z.input<typeof targetPatchSchema>;
export type TargetPatchFitsApi = Assert<
  IsAssignable<z.output<typeof targetPatchSchema>, UpdateTargetBody>
>;

export const TARGET_PATCH_FIELDS = [
  "period_start",
  "period_end",
  "target_value",
  "note",
] as const satisfies readonly (keyof TargetPatchValues)[];
