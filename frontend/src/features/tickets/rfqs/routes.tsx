import { createRoute, lazyRouteComponent, type AnyRoute } from "@tanstack/react-router";
import { pickStringParams } from "@/lib/search-params";

const RfqsPage = lazyRouteComponent(() => import("./rfqs-page"));
const RfqPage = lazyRouteComponent(() => import("./rfq-page"));

/** RFQ pages (children of /ticketing): the Operations RFQ list and detail. */
export function createRfqRoutes(ticketingRoute: AnyRoute) {
  return [
    createRoute({
      getParentRoute: () => ticketingRoute,
      path: "rfqs",
      validateSearch: (search: Record<string, unknown>) =>
        pickStringParams(search, ["page", "per_page", "sort", "hide", "q", "status"]),
      component: RfqsPage,
    }),
    createRoute({ getParentRoute: () => ticketingRoute, path: "rfqs/$rfqId", component: RfqPage }),
  ] as const;
}
