import type { TableConfig } from "@/lib/table-state";

export type QueueFilter =
  | "view"
  | "q"
  | "tracking_number"
  | "status"
  | "priority"
  | "type"
  | "dept"
  | "sla"
  | "from"
  | "to"
  | "closed_from"
  | "closed_to"
  | "unanswered";

export const QUEUE_TABLE: TableConfig<QueueFilter> = {
  filters: [
    "view",
    "q",
    "tracking_number",
    "status",
    "priority",
    "type",
    "dept",
    "sla",
    "from",
    "to",
    // Drill-downs from the dashboard (DASH-2): closed on these days, not answered yet.
    "closed_from",
    "closed_to",
    "unanswered",
  ],
  // The fields GET /tickets can sort by.
  sortable: ["created_at", "updated_at", "ticket_code", "status", "priority"],
  defaultSort: [{ id: "created_at", desc: true }],
};

export const QUEUE_SEARCH_KEYS = [
  "page",
  "per_page",
  "sort",
  "hide",
  ...QUEUE_TABLE.filters,
] as const;
