/** The entries list's URL state: metric, days, paging. */
import { isDay } from "@/features/ar/lib/as-of";
import type { TableConfig, toApiQuery } from "@/lib/table-state";
import type { EntryListQuery } from "../types";

type ApiListQuery<F extends string> = ReturnType<typeof toApiQuery<F>>;

export type EntriesFilter = "metric_key" | "from" | "to";

export const ENTRIES_TABLE: TableConfig<EntriesFilter> = {
  filters: ["metric_key", "from", "to"],
  // GET kpi/entries has one order (newest first).
  sortable: [],
  defaultSort: [],
};

export const ENTRIES_SEARCH_KEYS = ["page", "per_page", "hide", ...ENTRIES_TABLE.filters] as const;

export function entriesQuery(api: ApiListQuery<EntriesFilter>): EntryListQuery {
  const { metric_key, from, to, page, per_page } = api;
  return {
    page,
    per_page,
    ...(metric_key && /^[a-z][a-z0-9_]*$/.test(metric_key) ? { metric_key } : {}),
    ...(isDay(from) ? { from } : {}),
    ...(isDay(to) ? { to } : {}),
  };
}
