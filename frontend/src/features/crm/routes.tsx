import { createRoute, type AnyRoute } from "@tanstack/react-router";
import ComingSoonPage from "@/features/placeholder/coming-soon-page";

/** CRM records: leads, customers, duplicates (children of /crm). */
export function createCrmRoutes(crmRoute: AnyRoute) {
  const leads = createRoute({
    getParentRoute: () => crmRoute,
    path: "leads",
    component: () => <ComingSoonPage module="leads" />,
  });
  return [leads] as const;
}
