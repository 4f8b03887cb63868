import type { ApiScope } from "@/api/enums.gen";
import type { Labels } from "@/lib/enums";
import type { TableConfig } from "@/lib/table-state";

export const API_KEYS_TABLE: TableConfig<never> = {
  filters: [],
  // GET /api-keys has no `sort` parameter: the server's order is used.
  sortable: [],
  defaultSort: [],
};

export const API_KEYS_SEARCH_KEYS = ["page", "per_page", "hide"] as const;

/** What each scope lets an integration do. */
export const API_SCOPE_HELP: Labels<ApiScope> = {
  "tickets:write": "apiKeys.scopeHelp.tickets:write",
  "broadcast:write": "apiKeys.scopeHelp.broadcast:write",
  "whatsapp:write": "apiKeys.scopeHelp.whatsapp:write",
};
