/**
 * The overview's URL state: the report day (`as_of`), the DSO method and the open
 * invoices table (status, q, sort, page, per_page, hidden columns). The day and the
 * method ride along as table filters so that paging or sorting never drops them.
 */
import { DSO_METHOD_VALUES, INVOICE_STATUS_VALUES, type DsoMethod } from "@/api/enums.gen";
import { isOneOf } from "@/lib/enums";
import type { TableConfig, toApiQuery } from "@/lib/table-state";
import { parseAsOf } from "../lib/as-of";

/** The table query of the URL (no component import here: routes read this file). */
type ApiListQuery<F extends string> = ReturnType<typeof toApiQuery<F>>;
import type { OutstandingQuery } from "../types";

export type OverviewFilter = "as_of" | "method" | "status" | "q";

export const OVERVIEW_TABLE: TableConfig<OverviewFilter> = {
  filters: ["as_of", "method", "status", "q"],
  // The fields GET ar/outstanding sorts by.
  sortable: [
    "days_overdue",
    "outstanding",
    "due_date",
    "invoice_date",
    "customer_name",
    "invoice_code",
  ],
  defaultSort: [{ id: "days_overdue", desc: true }],
};

export const OVERVIEW_SEARCH_KEYS = [
  "page",
  "per_page",
  "sort",
  "hide",
  ...OVERVIEW_TABLE.filters,
] as const;

/** The statuses an open invoice can have (the filter of GET ar/outstanding). */
export const OPEN_STATUSES = INVOICE_STATUS_VALUES.filter((s) => s !== "paid" && s !== "void");

export function parseMethod(raw: string | undefined): DsoMethod {
  return isOneOf(DSO_METHOD_VALUES, raw) ? raw : "simple";
}

/**
 * GET ar/outstanding's query from the URL: a report day the API would refuse (or that
 * is in the future) and an unknown status are dropped, the DSO method is not its.
 */
export function outstandingQuery(
  api: ApiListQuery<OverviewFilter>,
  today: string,
): OutstandingQuery {
  const { page, per_page, sort, q, as_of, status } = api;
  const day = parseAsOf(as_of, today);
  return {
    ...(q ? { q } : {}),
    page,
    per_page,
    ...(sort ? { sort } : {}),
    ...(day ? { as_of: day } : {}),
    ...(isOneOf(OPEN_STATUSES, status) ? { status } : {}),
  };
}
