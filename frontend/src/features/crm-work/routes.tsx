import { createRoute, type AnyRoute } from "@tanstack/react-router";
import ComingSoonPage from "@/features/placeholder/coming-soon-page";

/** CRM work: pipeline, forecast, activities, tasks, calendar, analytics, marketing (children of /crm). */
export function createCrmWorkRoutes(crmRoute: AnyRoute) {
  const pipeline = createRoute({
    getParentRoute: () => crmRoute,
    path: "pipeline",
    component: () => <ComingSoonPage module="crm" />,
  });
  return [pipeline] as const;
}
