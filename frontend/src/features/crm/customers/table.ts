import type { TableConfig } from "@/lib/table-state";

export type CustomersFilter = "q" | "owner" | "city";

export const CUSTOMERS_TABLE: TableConfig<CustomersFilter> = {
  filters: ["q", "owner", "city"],
  sortable: ["company_name", "customer_code", "city", "created_at"],
  defaultSort: [{ id: "company_name", desc: false }],
};

export const CUSTOMERS_SEARCH_KEYS = [
  "page",
  "per_page",
  "sort",
  "hide",
  ...CUSTOMERS_TABLE.filters,
] as const;
