import type { TableConfig } from "@/lib/table-state";

export type ActivitiesFilter = "q" | "type" | "owner" | "from" | "to" | "include_system";

export const ACTIVITIES_TABLE: TableConfig<ActivitiesFilter> = {
  filters: ["q", "type", "owner", "from", "to", "include_system"],
  // The fields GET /activities sorts by.
  sortable: ["occurred_at", "scheduled_at", "activity_type", "created_at"],
  defaultSort: [{ id: "occurred_at", desc: true }],
};

export const ACTIVITIES_SEARCH_KEYS = [
  "page",
  "per_page",
  "sort",
  "hide",
  ...ACTIVITIES_TABLE.filters,
] as const;
