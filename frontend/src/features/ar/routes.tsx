import { createRoute, lazyRouteComponent, type AnyRoute } from "@tanstack/react-router";
import { pickStringParams } from "@/lib/search-params";
import { INVOICES_SEARCH_KEYS } from "./invoices/table";
import { PAYMENTS_SEARCH_KEYS } from "./payments/table";

const InvoicesPage = lazyRouteComponent(() => import("./invoices/invoices-page"));
const InvoiceFormPage = lazyRouteComponent(() => import("./invoices/invoice-form-page"));
const InvoiceDetailPage = lazyRouteComponent(() => import("./invoices/invoice-detail-page"));
const PaymentsPage = lazyRouteComponent(() => import("./payments/payments-page"));
const PaymentFormPage = lazyRouteComponent(() => import("./payments/payment-form-page"));
const StatementPage = lazyRouteComponent(() => import("./statement/statement-page"));
const MyCustomersPage = lazyRouteComponent(() => import("./my-customers/my-customers-page"));

const keep =
  <K extends string>(keys: readonly K[]) =>
  (search: Record<string, unknown>) =>
    pickStringParams(search, keys);

/**
 * Receivables pages (children of /dso): invoices, payments, the customer statement and
 * "my customers' AR". Lazy chunks. The DSO overview is /dso's index route (router.tsx):
 * an index route made here, under an untyped parent, would lose the route tree's types.
 */
export function createArRoutes(dsoRoute: AnyRoute) {
  return [
    createRoute({
      getParentRoute: () => dsoRoute,
      path: "invoices",
      validateSearch: keep(INVOICES_SEARCH_KEYS),
      component: InvoicesPage,
    }),
    createRoute({
      getParentRoute: () => dsoRoute,
      path: "invoices/new",
      validateSearch: keep(["customer_id"] as const),
      component: InvoiceFormPage,
    }),
    createRoute({
      getParentRoute: () => dsoRoute,
      path: "invoices/$invoiceId",
      component: InvoiceDetailPage,
    }),
    createRoute({
      getParentRoute: () => dsoRoute,
      path: "payments",
      validateSearch: keep(PAYMENTS_SEARCH_KEYS),
      component: PaymentsPage,
    }),
    createRoute({
      getParentRoute: () => dsoRoute,
      path: "payments/new",
      validateSearch: keep(["customer_id"] as const),
      component: PaymentFormPage,
    }),
    createRoute({
      getParentRoute: () => dsoRoute,
      path: "statement",
      validateSearch: keep(["customer_id", "from", "to"] as const),
      component: StatementPage,
    }),
    createRoute({
      getParentRoute: () => dsoRoute,
      path: "my-customers",
      validateSearch: keep(["as_of"] as const),
      component: MyCustomersPage,
    }),
  ] as const;
}
