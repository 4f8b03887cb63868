import { describe, expect, it } from "vitest";
import { entrySchema } from "./entry-schema";
import { targetPatchSchema, targetSchema, type TargetValues } from "./target-schema";

const U = "22222222-2222-4222-8222-222222222222";

const base: TargetValues = {
  metric_key: "leads_total",
  assignee_kind: "team",
  assignee_user_id: U,
  assignee_dept: "",
  mode: "period",
  period: "2026-11",
  period_start: "",
  period_end: "",
  target_value: "1.500.000,50",
  note: "",
};

function errors(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  return Object.fromEntries(
    (result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]),
  );
}

describe("target form", () => {
  it("sends a period or both days, the value as the API's decimal", () => {
    expect(targetSchema.parse(base)).toEqual({
      metric_key: "leads_total",
      assignee_kind: "team",
      assignee_user_id: U,
      period: "2026-11",
      target_value: "1500000.50",
    });
    expect(
      targetSchema.parse({
        ...base,
        assignee_kind: "dept",
        assignee_user_id: U,
        assignee_dept: "MKT",
        mode: "range",
        period_start: "2026-11-01",
        period_end: "2026-11-15",
        target_value: "0",
        note: " promo ",
      }),
    ).toEqual({
      metric_key: "leads_total",
      assignee_kind: "dept",
      assignee_dept: "MKT",
      period_start: "2026-11-01",
      period_end: "2026-11-15",
      target_value: "0.00",
      note: "promo",
    });
  });

  it("reports what the API would refuse, field by field", () => {
    const r = targetSchema.safeParse({
      ...base,
      metric_key: "",
      assignee_user_id: "",
      mode: "range",
      period_start: "2026-11-30",
      period_end: "2026-11-01",
      target_value: "12,345",
    });
    expect(errors(r)).toEqual({
      metric_key: "kpi.validation.metric",
      assignee_user_id: "kpi.validation.person",
      period_end: "kpi.validation.endBeforeStart",
      target_value: "kpi.validation.value",
    });
    expect(errors(targetSchema.safeParse({ ...base, period: "2026-13" }))).toEqual({
      period: "kpi.validation.period",
    });
    expect(errors(targetSchema.safeParse({ ...base, target_value: "-5" }))).toEqual({
      target_value: "kpi.validation.value",
    });
    expect(errors(targetSchema.safeParse({ ...base, assignee_kind: "dept" }))).toEqual({
      assignee_dept: "kpi.validation.dept",
    });
  });

  it("changes days, value and note", () => {
    expect(
      targetPatchSchema.parse({
        period_start: "2026-11-01",
        period_end: "2026-11-30",
        target_value: "300",
        note: "",
      }),
    ).toEqual({
      period_start: "2026-11-01",
      period_end: "2026-11-30",
      target_value: "300.00",
      note: "",
    });
  });
});

describe("entry form", () => {
  const schema = entrySchema("2026-12-07");
  const entry = {
    metric_key: "new_students",
    assignee_kind: "user",
    assignee_user_id: U,
    assignee_dept: "",
    entry_date: "2026-12-07",
    value: "12",
    note: "",
    evidence_file_id: "",
  };

  it("sends the value as a decimal and the evidence when there is one", () => {
    expect(schema.parse({ ...entry, evidence_file_id: U })).toEqual({
      metric_key: "new_students",
      assignee_kind: "user",
      assignee_user_id: U,
      entry_date: "2026-12-07",
      value: "12.00",
      evidence_file_id: U,
    });
  });

  it("refuses a day after today and a bad value", () => {
    expect(
      errors(schema.safeParse({ ...entry, entry_date: "2026-12-08", value: "1,234" })),
    ).toEqual({
      entry_date: "kpi.validation.future",
      value: "kpi.validation.value",
    });
  });
});
