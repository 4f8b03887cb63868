import { createRoute, type AnyRoute } from "@tanstack/react-router";
import ComingSoonPage from "@/features/placeholder/coming-soon-page";

/** Ticketing pages (children of /ticketing): the Operations RFQ list and detail. */
export function createTicketingRoutes(ticketingRoute: AnyRoute) {
  const rfqs = createRoute({
    getParentRoute: () => ticketingRoute,
    path: "rfqs",
    component: () => <ComingSoonPage module="ticketing" />,
  });
  return [rfqs] as const;
}
