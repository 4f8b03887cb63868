import { createRoute, lazyRouteComponent, type AnyRoute } from "@tanstack/react-router";
import { pickStringParams } from "@/lib/search-params";
import { ACTIVITIES_SEARCH_KEYS } from "./activities/table";

const PipelinePage = lazyRouteComponent(() => import("./pipeline/pipeline-page"));
const ForecastPage = lazyRouteComponent(() => import("./forecast/forecast-page"));
const ActivitiesPage = lazyRouteComponent(() => import("./activities/activities-page"));
const TasksPage = lazyRouteComponent(() => import("./tasks/tasks-page"));
const CalendarPage = lazyRouteComponent(() => import("./calendar/calendar-page"));
const AnalyticsPage = lazyRouteComponent(() => import("./analytics/analytics-page"));
const MarketingPage = lazyRouteComponent(() => import("./marketing/marketing-page"));

/** Only the listed query parameters reach a page (as strings). */
const keep =
  <K extends string>(keys: readonly K[]) =>
  (search: Record<string, unknown>) =>
    pickStringParams(search, keys);

/**
 * CRM work: pipeline, forecast, activities, tasks, calendar, analytics, marketing
 * (children of /crm; the parent route checks the CRM menu). Pages are lazy chunks.
 */
export function createCrmWorkRoutes(crmRoute: AnyRoute) {
  const page = <K extends string>(
    path: string,
    component: ReturnType<typeof lazyRouteComponent>,
    keys: readonly K[],
  ) =>
    createRoute({
      getParentRoute: () => crmRoute,
      path,
      validateSearch: keep(keys),
      component,
    });
  return [
    page("pipeline", PipelinePage, ["owner"]),
    page("forecast", ForecastPage, ["from", "to", "owner"]),
    page("activities", ActivitiesPage, ACTIVITIES_SEARCH_KEYS),
    page("tasks", TasksPage, ["owner"]),
    page("calendar", CalendarPage, ["view", "date", "owner"]),
    page("analytics", AnalyticsPage, ["from", "to"]),
    page("marketing", MarketingPage, ["tab", "from", "to", "platform"]),
  ] as const;
}
