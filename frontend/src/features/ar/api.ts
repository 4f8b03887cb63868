/** Queries of the receivables pages (AR/DSO): reports as of a day, invoices, payments, statements. */
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api, call } from "@/api/client";
import type { DsoMethod } from "@/api/enums.gen";
import { todayInJakarta } from "@/lib/format";
import { fifoOrder } from "./lib/allocation";
import type {
  InvoiceListQuery,
  OutstandingInvoice,
  OutstandingQuery,
  PaymentListQuery,
  StatementQuery,
} from "./types";

export const arKeys = {
  all: ["ar"] as const,
  outstanding: (query: OutstandingQuery) => ["ar", "outstanding", query] as const,
  aging: (asOf: string | undefined, page: AgingPage) =>
    ["ar", "aging", asOf ?? "today", page] as const,
  dso: (query: DsoParams) => ["ar", "dso", query] as const,
  myCustomers: (asOf: string | undefined) => ["ar", "my-customers", asOf ?? "today"] as const,
  invoices: (query: InvoiceListQuery) => ["ar", "invoices", query] as const,
  invoice: (id: string) => ["ar", "invoice", id] as const,
  payments: (query: PaymentListQuery) => ["ar", "payments", query] as const,
  statement: (id: string, query: StatementQuery) => ["ar", "statement", id, query] as const,
  openInvoices: (customerId: string) => ["ar", "open-invoices", customerId] as const,
  customerName: (id: string, today: string) => ["ar", "customer-name", id, today] as const,
  customerSearch: (q: string) => ["ar", "customer-search", q] as const,
};

export interface DsoParams {
  as_of?: string;
  method: DsoMethod;
}

export function outstandingQueryOptions(query: OutstandingQuery) {
  return queryOptions({
    queryKey: arKeys.outstanding(query),
    queryFn: () => call(api.GET("/api/v1/ar/outstanding", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** Which customers of the aging come back: the first `per_page` by `sort`. */
export interface AgingPage {
  per_page: number;
  sort: "total" | "overdue";
}

/** The customers the overview draws and lists: the largest balances. */
export const AGING_LARGEST: AgingPage = { per_page: 100, sort: "total" };

/** The aging of a day: one page of customers and the totals row of all of them. */
export function agingQueryOptions(asOf: string | undefined, page: AgingPage = AGING_LARGEST) {
  return queryOptions({
    queryKey: arKeys.aging(asOf, page),
    queryFn: () =>
      call(
        api.GET("/api/v1/ar/aging", {
          params: { query: { ...page, ...(asOf ? { as_of: asOf } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function dsoQueryOptions(query: DsoParams) {
  return queryOptions({
    queryKey: arKeys.dso(query),
    queryFn: () => call(api.GET("/api/v1/ar/dso", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function myCustomersQueryOptions(asOf: string | undefined) {
  return queryOptions({
    queryKey: arKeys.myCustomers(asOf),
    queryFn: () =>
      call(api.GET("/api/v1/ar/my-customers", { params: { query: asOf ? { as_of: asOf } : {} } })),
    placeholderData: keepPreviousData,
  });
}

export function invoicesQueryOptions(query: InvoiceListQuery) {
  return queryOptions({
    queryKey: arKeys.invoices(query),
    queryFn: () => call(api.GET("/api/v1/invoices", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function invoiceQueryOptions(id: string) {
  return queryOptions({
    queryKey: arKeys.invoice(id),
    queryFn: () => call(api.GET("/api/v1/invoices/{id}", { params: { path: { id } } })),
  });
}

export function paymentsQueryOptions(query: PaymentListQuery) {
  return queryOptions({
    queryKey: arKeys.payments(query),
    queryFn: () => call(api.GET("/api/v1/payments", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function statementQueryOptions(id: string, query: StatementQuery) {
  return queryOptions({
    queryKey: arKeys.statement(id, query),
    queryFn: () =>
      call(api.GET("/api/v1/customers/{id}/statement", { params: { path: { id }, query } })),
    placeholderData: keepPreviousData,
  });
}

/** The API's largest page; a customer with more open invoices is read page by page. */
const PAGE = 200;

/** Every open invoice of a customer today, in the server's FIFO order (the allocation editor). */
export function openInvoicesQueryOptions(customerId: string) {
  return queryOptions({
    queryKey: arKeys.openInvoices(customerId),
    queryFn: async () => {
      const rows: OutstandingInvoice[] = [];
      for (let page = 1; ; page += 1) {
        const body = await call(
          api.GET("/api/v1/ar/outstanding", {
            params: {
              query: {
                customer_id: customerId,
                page,
                per_page: PAGE,
                sort: "due_date,invoice_date",
              },
            },
          }),
        );
        rows.push(...body.data);
        if (body.data.length < PAGE || rows.length >= body.total) break;
      }
      return fifoOrder(rows);
    },
  });
}

/** A customer's name and code, for a form opened with `?customer_id=` (any AR reader may ask). */
export function customerNameQueryOptions(id: string) {
  const today = todayInJakarta();
  return queryOptions({
    queryKey: arKeys.customerName(id, today),
    queryFn: async () => {
      const s = await call(
        api.GET("/api/v1/customers/{id}/statement", {
          params: { path: { id }, query: { from: today, to: today } },
        }),
      );
      return { id: s.customer_id, name: s.customer_name, code: s.customer_code };
    },
    staleTime: 5 * 60_000,
  });
}

export interface CustomerOption {
  id: string;
  name: string;
  code?: string | null | undefined;
  hint?: string | null | undefined;
  /** Σ outstanding today (GET ar/customers), when known. */
  openAmount?: string | undefined;
}

/**
 * Customers matching `q` (name or code) for every AR form and role: GET ar/customers
 * answers finance (no CRM menu) with every customer and sales with their own (RLS).
 */
export function customerSearchQueryOptions(q: string) {
  return queryOptions({
    queryKey: arKeys.customerSearch(q),
    queryFn: async (): Promise<CustomerOption[]> => {
      const list = await call(
        api.GET("/api/v1/ar/customers", {
          params: { query: { ...(q ? { q } : {}), per_page: 8 } },
        }),
      );
      return list.data.map((c) => ({
        id: c.id,
        name: c.company_name,
        code: c.customer_code,
        hint: c.city,
        openAmount: c.open_amount,
      }));
    },
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
