import { createRoute, lazyRouteComponent, type AnyRoute } from "@tanstack/react-router";
import { RequireCapability, RequireMenu } from "@/features/auth/guards";
import { pickStringParams } from "@/lib/search-params";
import { KPI_SEARCH_KEYS, PERIODS_SEARCH_KEYS } from "./search-keys";
import { ENTRIES_SEARCH_KEYS } from "./entries/table";
import { RequirePeriodCloser } from "./periods/require-closer";
import { TARGETS_SEARCH_KEYS } from "./targets/table";

const TrendPage = lazyRouteComponent(() => import("./trend/trend-page"));
const TargetsPage = lazyRouteComponent(() => import("./targets/targets-page"));
const EntriesPage = lazyRouteComponent(() => import("./entries/entries-page"));
const PeriodsPage = lazyRouteComponent(() => import("./periods/periods-page"));

const keep =
  <K extends string>(keys: readonly K[]) =>
  (search: Record<string, unknown>) =>
    pickStringParams(search, keys);

/**
 * KPI pages (children of /kpi): the charts and the entries need the KPI menu; the
 * target admin needs `kpi_targets:manage` (a CS admin has it without the menu); the
 * period close needs it too, and a role that sets a whole department's targets. The
 * scorecard is /kpi's index route (router.tsx), so the route tree keeps its types.
 */
export function createKpiRoutes(kpiRoute: AnyRoute) {
  return [
    createRoute({
      getParentRoute: () => kpiRoute,
      path: "trend",
      validateSearch: keep(KPI_SEARCH_KEYS),
      component: () => (
        <RequireMenu menu="kpi">
          <TrendPage />
        </RequireMenu>
      ),
    }),
    createRoute({
      getParentRoute: () => kpiRoute,
      path: "entries",
      validateSearch: keep(ENTRIES_SEARCH_KEYS),
      component: () => (
        <RequireMenu menu="kpi">
          <EntriesPage />
        </RequireMenu>
      ),
    }),
    createRoute({
      getParentRoute: () => kpiRoute,
      path: "targets",
      validateSearch: keep(TARGETS_SEARCH_KEYS),
      component: () => (
        <RequireCapability capability="kpi_targets:manage">
          <TargetsPage />
        </RequireCapability>
      ),
    }),
    createRoute({
      getParentRoute: () => kpiRoute,
      path: "periods",
      validateSearch: keep(PERIODS_SEARCH_KEYS),
      component: () => (
        <RequirePeriodCloser>
          <PeriodsPage />
        </RequirePeriodCloser>
      ),
    }),
  ] as const;
}
