import { createRoute, lazyRouteComponent, type AnyRoute } from "@tanstack/react-router";
import { pickStringParams } from "@/lib/search-params";
import { LEADS_SEARCH_KEYS } from "./leads/table";
import { CUSTOMERS_SEARCH_KEYS } from "./customers/table";
import { createCrmWorkRoutes } from "./work-routes";

const LeadsPage = lazyRouteComponent(() => import("./leads/leads-page"));
const LeadFormPage = lazyRouteComponent(() => import("./leads/lead-form-page"));
const LeadDetailPage = lazyRouteComponent(() => import("./leads/lead-detail-page"));
const CustomersPage = lazyRouteComponent(() => import("./customers/customers-page"));
const CustomerPage = lazyRouteComponent(() => import("./customers/customer-page"));
const DuplicatesPage = lazyRouteComponent(() => import("./duplicates/duplicates-page"));

const keep =
  <K extends string>(keys: readonly K[]) =>
  (search: Record<string, unknown>) =>
    pickStringParams(search, keys);

/**
 * CRM pages (children of /crm): leads, customers, duplicates, and the work pages
 * (pipeline, forecast, activities, tasks, calendar, analytics, marketing). Lazy chunks.
 */
export function createCrmRoutes(crmRoute: AnyRoute) {
  return [
    createRoute({
      getParentRoute: () => crmRoute,
      path: "leads",
      validateSearch: keep(LEADS_SEARCH_KEYS),
      component: LeadsPage,
    }),
    createRoute({ getParentRoute: () => crmRoute, path: "leads/new", component: LeadFormPage }),
    createRoute({
      getParentRoute: () => crmRoute,
      path: "leads/$leadId",
      component: LeadDetailPage,
    }),
    createRoute({
      getParentRoute: () => crmRoute,
      path: "customers",
      validateSearch: keep(CUSTOMERS_SEARCH_KEYS),
      component: CustomersPage,
    }),
    createRoute({
      getParentRoute: () => crmRoute,
      path: "customers/$customerId",
      component: CustomerPage,
    }),
    createRoute({ getParentRoute: () => crmRoute, path: "duplicates", component: DuplicatesPage }),
    ...createCrmWorkRoutes(crmRoute),
  ] as const;
}
