import { INVOICE_STATUS_VALUES } from "@/api/enums.gen";
import { isOneOf } from "@/lib/enums";
import type { TableConfig, toApiQuery } from "@/lib/table-state";
import { isDay } from "../lib/as-of";

/** The table query of the URL (no component import here: routes read this file). */
type ApiListQuery<F extends string> = ReturnType<typeof toApiQuery<F>>;
import type { InvoiceListQuery } from "../types";

export type InvoicesFilter = "q" | "status" | "from" | "to" | "customer_id";

export const INVOICES_TABLE: TableConfig<InvoicesFilter> = {
  filters: ["q", "status", "from", "to", "customer_id"],
  // The fields GET /invoices sorts by.
  sortable: [
    "invoice_date",
    "due_date",
    "amount",
    "outstanding",
    "invoice_code",
    "customer_name",
    "created_at",
  ],
  defaultSort: [{ id: "invoice_date", desc: true }],
};

export const INVOICES_SEARCH_KEYS = [
  "page",
  "per_page",
  "sort",
  "hide",
  ...INVOICES_TABLE.filters,
] as const;

/** GET /invoices' query from the URL; values the API would refuse are dropped. */
export function invoicesQuery(api: ApiListQuery<InvoicesFilter>): InvoiceListQuery {
  const { status, from, to, customer_id, ...rest } = api;
  return {
    ...rest,
    ...(isOneOf(INVOICE_STATUS_VALUES, status) ? { status } : {}),
    ...(isDay(from) ? { from } : {}),
    ...(isDay(to) ? { to } : {}),
    ...(customer_id && /^[0-9a-f-]{36}$/i.test(customer_id) ? { customer_id } : {}),
  };
}
