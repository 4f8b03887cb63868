import type { TableConfig, toApiQuery } from "@/lib/table-state";
import { isDay } from "../lib/as-of";

/** The table query of the URL (no component import here: routes read this file). */
type ApiListQuery<F extends string> = ReturnType<typeof toApiQuery<F>>;
import type { PaymentListQuery } from "../types";

export type PaymentsFilter = "q" | "from" | "to" | "unapplied" | "customer_id";

export const PAYMENTS_TABLE: TableConfig<PaymentsFilter> = {
  filters: ["q", "from", "to", "unapplied", "customer_id"],
  // The fields GET /payments sorts by.
  sortable: ["payment_date", "amount", "payment_code", "customer_name", "created_at"],
  defaultSort: [{ id: "created_at", desc: true }],
};

export const PAYMENTS_SEARCH_KEYS = [
  "page",
  "per_page",
  "sort",
  "hide",
  ...PAYMENTS_TABLE.filters,
] as const;

/** GET /payments' query from the URL; values the API would refuse are dropped. */
export function paymentsQuery(api: ApiListQuery<PaymentsFilter>): PaymentListQuery {
  const { from, to, unapplied, customer_id, ...rest } = api;
  return {
    ...rest,
    ...(isDay(from) ? { from } : {}),
    ...(isDay(to) ? { to } : {}),
    ...(unapplied === "true" ? { unapplied: true } : {}),
    ...(customer_id && /^[0-9a-f-]{36}$/i.test(customer_id) ? { customer_id } : {}),
  };
}
