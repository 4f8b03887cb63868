/**
 * The URL state of the conversation list (no component import: routes read this file).
 * Filters are the API's parameters under the same names.
 */
import type { TableConfig } from "@/lib/table-state";

export type ConversationFilter = "status" | "agent" | "search" | "from" | "to";

export const CONVERSATIONS_TABLE: TableConfig<ConversationFilter> = {
  filters: ["status", "agent", "search", "from", "to"],
  // Of the fields GET /conversations sorts by, those the list has columns for.
  sortable: ["last_message_at", "status"],
  defaultSort: [{ id: "last_message_at", desc: true }],
};

export const CONVERSATIONS_SEARCH_KEYS = [
  "page",
  "per_page",
  "sort",
  "hide",
  ...CONVERSATIONS_TABLE.filters,
] as const;
