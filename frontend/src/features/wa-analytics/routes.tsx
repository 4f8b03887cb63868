import { createRoute, lazyRouteComponent, type AnyRoute } from "@tanstack/react-router";
import { pickStringParams } from "@/lib/search-params";
import { CRM_EFFECTIVENESS_PATH } from "./paths";
import { WA_DASHBOARD_SEARCH_KEYS } from "./search-keys";

const CrmEffectivenessPage = lazyRouteComponent(() => import("./crm-effectiveness-page"));

/**
 * The CRM Effectiveness dashboard, a tab of the dashboard (a child of the signed-in
 * layout). The page checks the role; its chunk loads on first visit.
 */
export function createWaAnalyticsRoutes(appRoute: AnyRoute) {
  return [
    createRoute({
      getParentRoute: () => appRoute,
      path: CRM_EFFECTIVENESS_PATH.slice(1),
      validateSearch: (search: Record<string, unknown>) =>
        pickStringParams(search, WA_DASHBOARD_SEARCH_KEYS),
      component: CrmEffectivenessPage,
    }),
  ] as const;
}
