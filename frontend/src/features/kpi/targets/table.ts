/** The target admin's URL state: filters (metric, assignee kind, metric department, period) and paging. */
import { ASSIGNEE_KIND_VALUES } from "@/api/enums.gen";
import { isOneOf } from "@/lib/enums";
import type { TableConfig, toApiQuery } from "@/lib/table-state";
import { parsePeriod, periodRange } from "../lib/period";
import type { TargetListQuery } from "../types";

type ApiListQuery<F extends string> = ReturnType<typeof toApiQuery<F>>;

export type TargetsFilter = "metric_key" | "assignee_kind" | "dept" | "period";

export const TARGETS_TABLE: TableConfig<TargetsFilter> = {
  filters: ["metric_key", "assignee_kind", "dept", "period"],
  // GET kpi/targets has one order (newest period first).
  sortable: [],
  defaultSort: [],
};

export const TARGETS_SEARCH_KEYS = ["page", "per_page", "hide", ...TARGETS_TABLE.filters] as const;

/** GET kpi/targets' query from the URL; a period becomes the days it covers. */
export function targetsQuery(api: ApiListQuery<TargetsFilter>): TargetListQuery {
  const { metric_key, assignee_kind, dept, period, page, per_page } = api;
  const p = parsePeriod(period);
  const days = p ? periodRange(p) : null;
  return {
    page,
    per_page,
    ...(metric_key && /^[a-z][a-z0-9_]*$/.test(metric_key) ? { metric_key } : {}),
    ...(isOneOf(ASSIGNEE_KIND_VALUES, assignee_kind) ? { assignee_kind } : {}),
    ...(dept && /^[A-Z]{2,8}$/.test(dept) ? { dept } : {}),
    ...(days ? { from: days.start, to: days.end } : {}),
  };
}
