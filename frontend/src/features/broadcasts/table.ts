import type { TableConfig } from "@/lib/table-state";

export type BroadcastFilter = "tracking_number" | "phone" | "status" | "from" | "to";

export const BROADCASTS_TABLE: TableConfig<BroadcastFilter> = {
  filters: ["tracking_number", "phone", "status", "from", "to"],
  // The fields GET /broadcast-logs can sort by.
  sortable: ["broadcast_at", "tracking_number", "status"],
  defaultSort: [{ id: "broadcast_at", desc: true }],
};

export const BROADCASTS_SEARCH_KEYS = [
  "page",
  "per_page",
  "sort",
  "hide",
  "awb",
  ...BROADCASTS_TABLE.filters,
] as const;

export const BROADCAST_STATUSES = ["success", "failed", "pending"] as const;
export type BroadcastStatus = (typeof BROADCAST_STATUSES)[number];

export function statusVariant(status: string): "success" | "danger" | "warning" | "muted" {
  if (status === "success") return "success";
  if (status === "failed") return "danger";
  if (status === "pending") return "warning";
  return "muted";
}
