import type { TableConfig } from "@/lib/table-state";

export type UsersFilter = "q" | "role" | "dept" | "is_active";

export const USERS_TABLE: TableConfig<UsersFilter> = {
  filters: ["q", "role", "dept", "is_active"],
  // The fields GET /users can sort by (see the OpenAPI description of `sort`).
  sortable: ["full_name", "email", "role", "dept", "created_at", "last_login_at"],
  defaultSort: [{ id: "full_name", desc: false }],
};

export const USERS_SEARCH_KEYS = [
  "page",
  "per_page",
  "sort",
  "hide",
  ...USERS_TABLE.filters,
] as const;
