import { createRoute, lazyRouteComponent, type AnyRoute } from "@tanstack/react-router";
import { pickStringParams } from "@/lib/search-params";
import { ME_REPORT_PATH, ME_REPORT_SEARCH_KEYS } from "./links";

const MeReportPage = lazyRouteComponent(() => import("./me-report-page"));

/**
 * "Laporan saya" (USR-1), a child of the signed-in layout reached from the user menu;
 * every role has one (its sections follow the role). The chunk loads on first visit.
 */
export function createMeReportRoutes(appRoute: AnyRoute) {
  return [
    createRoute({
      getParentRoute: () => appRoute,
      path: ME_REPORT_PATH.slice(1),
      validateSearch: (search: Record<string, unknown>) =>
        pickStringParams(search, ME_REPORT_SEARCH_KEYS),
      component: MeReportPage,
    }),
  ] as const;
}
