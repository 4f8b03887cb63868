/** The i18n key of every KPI enum value (a new API value is a type error here). */
import type {
  AssigneeKind,
  EntrySource,
  KpiSource,
  KpiStatus,
  KpiUnit,
  Provenance,
} from "@/api/enums.gen";
import type { Labels } from "@/lib/enums";
import type { PeriodKind } from "./lib/period";

export const KPI_STATUS_LABEL: Labels<KpiStatus> = {
  on_track: "kpi.status.on_track",
  at_risk: "kpi.status.at_risk",
  behind: "kpi.status.behind",
  na: "kpi.status.na",
  no_target: "kpi.status.no_target",
};

export const PROVENANCE_LABEL: Labels<Provenance> = {
  auto: "kpi.provenance.auto",
  manual: "kpi.provenance.manual",
  imported: "kpi.provenance.imported",
};

export const KPI_SOURCE_LABEL: Labels<KpiSource> = {
  AUTO: "kpi.provenance.auto",
  MANUAL: "kpi.provenance.manual",
  IMPORTED: "kpi.provenance.imported",
};

export const ENTRY_SOURCE_LABEL: Labels<EntrySource> = {
  manual: "kpi.provenance.manual",
  imported: "kpi.provenance.imported",
};

export const ASSIGNEE_KIND_LABEL: Labels<AssigneeKind> = {
  user: "kpi.assignee.user",
  team: "kpi.assignee.team",
  dept: "kpi.assignee.dept",
  company: "kpi.assignee.company",
};

export const KPI_UNIT_LABEL: Labels<KpiUnit> = {
  count: "kpi.unit.count",
  idr: "kpi.unit.idr",
  percent: "kpi.unit.percent",
  minutes: "kpi.unit.minutes",
  days: "kpi.unit.days",
};

export const PERIOD_KIND_LABEL: Labels<PeriodKind> = {
  month: "kpi.period.kinds.month",
  quarter: "kpi.period.kinds.quarter",
  year: "kpi.period.kinds.year",
};
