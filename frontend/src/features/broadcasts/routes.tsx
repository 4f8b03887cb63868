import { createRoute, lazyRouteComponent, type AnyRoute } from "@tanstack/react-router";
import { pickStringParams } from "@/lib/search-params";
import { BROADCASTS_SEARCH_KEYS } from "./table";

const BroadcastsPage = lazyRouteComponent(() => import("./broadcasts-page"));

/** Broadcast monitor pages (children of /ticketing). Pages are lazy chunks. */
export function createBroadcastRoutes(ticketingRoute: AnyRoute) {
  return [
    createRoute({
      getParentRoute: () => ticketingRoute,
      path: "broadcasts",
      validateSearch: (search: Record<string, unknown>) =>
        pickStringParams(search, BROADCASTS_SEARCH_KEYS),
      component: BroadcastsPage,
    }),
  ] as const;
}
