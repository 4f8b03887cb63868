import { BROADCAST_STATUS_VALUES, type BroadcastStatus } from "@/api/enums.gen";
import { isOneOf, type Labels } from "@/lib/enums";
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

export const BROADCAST_STATUS_LABEL: Labels<BroadcastStatus> = {
  success: "broadcasts.status.success",
  failed: "broadcasts.status.failed",
  pending: "broadcasts.status.pending",
};

const STATUS_VARIANT = {
  success: "success",
  failed: "danger",
  pending: "warning",
} as const satisfies Record<BroadcastStatus, string>;

export function statusVariant(status: string): (typeof STATUS_VARIANT)[BroadcastStatus] | "muted" {
  return isOneOf(BROADCAST_STATUS_VALUES, status) ? STATUS_VARIANT[status] : "muted";
}
