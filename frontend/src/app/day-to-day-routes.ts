import type { AnyRoute } from "@tanstack/react-router";
import { createMeReportRoutes } from "@/features/me-report/routes";
import { createNewsRoutes } from "@/features/news/routes";
import { createUserEventsRoutes } from "@/features/user-events/routes";

/** The day-to-day pages under the signed-in shell: news, "Laporan saya", the activity log. */
export function createDayToDayRoutes(appRoute: AnyRoute) {
  return [
    ...createNewsRoutes(appRoute),
    ...createMeReportRoutes(appRoute),
    ...createUserEventsRoutes(appRoute),
  ] as const;
}
