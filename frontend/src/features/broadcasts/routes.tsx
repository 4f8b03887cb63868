import type { AnyRoute } from "@tanstack/react-router";

/** Broadcast monitor pages (children of /ticketing). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- filled in with the pages
export function createBroadcastRoutes(_ticketingRoute: AnyRoute) {
  return [] as const;
}
