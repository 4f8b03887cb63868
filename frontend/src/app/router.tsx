/* eslint-disable react-refresh/only-export-components -- route tree module */
import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
  useRouter,
  type ErrorComponentProps,
} from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { session } from "@/api/client";
import { isApiError } from "@/api/errors";
import { AppShell } from "@/components/layout/app-shell";
import { ErrorState, NotFoundState, PageSkeleton } from "@/components/states/states";
import { safeRedirect } from "@/features/auth/access";
import { meQueryOptions, syncLanguage } from "@/features/auth/api";
import { RequireCapability, RequireMenu } from "@/features/auth/guards";
import { API_KEYS_SEARCH_KEYS } from "@/features/api-keys/table";
import { USERS_SEARCH_KEYS } from "@/features/users/table";
import { createCrmRoutes } from "@/features/crm/routes";
import { createBroadcastRoutes } from "@/features/broadcasts/routes";
import { createTicketRoutes } from "@/features/tickets/routes";
import { createArRoutes } from "@/features/ar/routes";
import { OVERVIEW_SEARCH_KEYS } from "@/features/ar/overview/table";
import { createKpiRoutes } from "@/features/kpi/routes";
import { KPI_SEARCH_KEYS } from "@/features/kpi/search-keys";
import { createImportRoutes } from "@/features/imports/routes";
import { HISTORY_SEARCH_KEYS } from "@/features/imports/table";
import { createWaAnalyticsRoutes } from "@/features/wa-analytics/routes";
import { createDayToDayRoutes } from "./day-to-day-routes";
import { parseSearchParams, pickStringParams, stringifySearchParams } from "@/lib/search-params";

export interface RouterContext {
  queryClient: QueryClient;
}

const LoginPage = lazyRouteComponent(() => import("@/features/auth/login-page"));
const DashboardPage = lazyRouteComponent(() => import("@/features/dashboard/dashboard-page"));
const ProfilePage = lazyRouteComponent(() => import("@/features/profile/profile-page"));
const UsersPage = lazyRouteComponent(() => import("@/features/users/users-page"));
const ApiKeysPage = lazyRouteComponent(() => import("@/features/api-keys/api-keys-page"));
const TicketingHomePage = lazyRouteComponent(() => import("@/features/tickets/home-page"));
const DsoOverviewPage = lazyRouteComponent(() => import("@/features/ar/overview/overview-page"));
const ImportCenterPage = lazyRouteComponent(() => import("@/features/imports/import-center-page"));
const KpiScorecardPage = lazyRouteComponent(
  () => import("@/features/kpi/scorecard/scorecard-page"),
);

function RouteError({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  // A 401 here means the session just ended: the redirect to /login is under way.
  if (isApiError(error) && error.status === 401) return <PageSkeleton />;
  return (
    <ErrorState
      error={error}
      onRetry={() => {
        reset();
        void router.invalidate();
      }}
    />
  );
}

function FullPageError(props: ErrorComponentProps) {
  return (
    <div className="mx-auto flex min-h-full max-w-xl items-center p-6">
      <div className="w-full">
        <RouteError {...props} />
      </div>
    </div>
  );
}

function RootNotFound() {
  const { t } = useTranslation();
  return (
    <div className="mx-auto flex min-h-full max-w-xl items-center p-6">
      <main className="w-full">
        <h1 className="sr-only">{t("states.notFoundTitle")}</h1>
        <NotFoundState />
      </main>
    </div>
  );
}

function ShellPending() {
  return (
    <div className="flex h-full">
      <div className="hidden w-60 bg-navy-900 md:block" />
      <div className="flex-1">
        <div className="h-14 bg-navy-900" />
        <div className="mx-auto max-w-7xl p-6">
          <PageSkeleton />
        </div>
      </div>
    </div>
  );
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: RootNotFound,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "login",
  validateSearch: (search: Record<string, unknown>) => pickStringParams(search, ["redirect"]),
  beforeLoad: ({ search }) => {
    if (session.isAuthenticated) throw redirect({ href: safeRedirect(search.redirect) });
  },
  component: LoginPage,
});

/** Everything below needs a session; /auth/me is loaded once and drives menus. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "_app",
  beforeLoad: ({ location }) => {
    if (!session.isAuthenticated) {
      throw redirect({ to: "/login", search: { redirect: location.href } });
    }
  },
  loader: async ({ context }) => {
    const me = await context.queryClient.query({ ...meQueryOptions, staleTime: "static" });
    syncLanguage(me);
  },
  component: AppShell,
  pendingComponent: ShellPending,
  errorComponent: FullPageError,
});

const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/",
  component: DashboardPage,
});

/**
 * KPI: each child checks its own access — the scorecard, charts and entries the KPI
 * menu, the target admin `kpi_targets:manage` (a CS admin has it without the menu).
 */
const kpiRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "kpi",
  component: Outlet,
});

/** The scorecard of a period ("Scorecard saya"; team, department, company by scope). */
const kpiIndexRoute = createRoute({
  getParentRoute: () => kpiRoute,
  path: "/",
  validateSearch: (search: Record<string, unknown>) => pickStringParams(search, KPI_SEARCH_KEYS),
  component: () => (
    <RequireMenu menu="kpi">
      <KpiScorecardPage />
    </RequireMenu>
  ),
});

const crmRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "crm",
  component: () => (
    <RequireMenu menu="crm">
      <Outlet />
    </RequireMenu>
  ),
});
const crmIndexRoute = createRoute({
  getParentRoute: () => crmRoute,
  path: "/",
  beforeLoad: () => {
    throw redirect({ to: "/crm/leads" });
  },
});

const ticketingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "ticketing",
  component: () => (
    <RequireMenu menu="ticketing">
      <Outlet />
    </RequireMenu>
  ),
});
const ticketingIndexRoute = createRoute({
  getParentRoute: () => ticketingRoute,
  path: "/",
  component: TicketingHomePage,
});

const dsoRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "dso",
  component: () => (
    <RequireMenu menu="dso">
      <Outlet />
    </RequireMenu>
  ),
});

/** The DSO page: totals, aging, DSO trend and open invoices as of `as_of` (DSO-5). */
const dsoIndexRoute = createRoute({
  getParentRoute: () => dsoRoute,
  path: "/",
  validateSearch: (search: Record<string, unknown>) =>
    pickStringParams(search, OVERVIEW_SEARCH_KEYS),
  component: DsoOverviewPage,
});

/** The Import Center (any user with a module to import into; the pages check). */
const importsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "imports",
  component: Outlet,
});

/** Upload a spreadsheet and the history of imports. */
const importsIndexRoute = createRoute({
  getParentRoute: () => importsRoute,
  path: "/",
  validateSearch: (search: Record<string, unknown>) =>
    pickStringParams(search, HISTORY_SEARCH_KEYS),
  component: ImportCenterPage,
});

const profileRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "profile",
  component: ProfilePage,
});

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "admin/users",
  validateSearch: (search: Record<string, unknown>) => pickStringParams(search, USERS_SEARCH_KEYS),
  component: () => (
    <RequireCapability capability="users:manage">
      <UsersPage />
    </RequireCapability>
  ),
});

const apiKeysRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "admin/api-keys",
  validateSearch: (search: Record<string, unknown>) =>
    pickStringParams(search, API_KEYS_SEARCH_KEYS),
  component: () => (
    <RequireCapability capability="api_keys:manage">
      <ApiKeysPage />
    </RequireCapability>
  ),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([
    dashboardRoute,
    ...createWaAnalyticsRoutes(appRoute),
    kpiRoute.addChildren([kpiIndexRoute, ...createKpiRoutes(kpiRoute)]),
    crmRoute.addChildren([crmIndexRoute, ...createCrmRoutes(crmRoute)]),
    ticketingRoute.addChildren([
      ticketingIndexRoute,
      ...createTicketRoutes(ticketingRoute),
      ...createBroadcastRoutes(ticketingRoute),
    ]),
    dsoRoute.addChildren([dsoIndexRoute, ...createArRoutes(dsoRoute)]),
    importsRoute.addChildren([importsIndexRoute, ...createImportRoutes(importsRoute)]),
    profileRoute,
    usersRoute,
    apiKeysRoute,
    ...createDayToDayRoutes(appRoute),
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    parseSearch: parseSearchParams,
    stringifySearch: stringifySearchParams,
    defaultPreload: "intent",
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: PageSkeleton,
    defaultErrorComponent: RouteError,
    scrollRestoration: true,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
