import type { TableConfig } from "@/lib/table-state";

export const API_KEYS_TABLE: TableConfig<never> = {
  filters: [],
  // GET /api-keys has no `sort` parameter: the server's order is used.
  sortable: [],
  defaultSort: [],
};

export const API_KEYS_SEARCH_KEYS = ["page", "per_page", "hide"] as const;

export const API_KEY_SCOPES = ["tickets:write", "broadcast:write", "whatsapp:write"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];
