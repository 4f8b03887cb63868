import type { AnyRoute } from "@tanstack/react-router";

/** Ticket pages (children of /ticketing): queue, detail, new ticket, SLA report. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- filled in with the pages
export function createTicketRoutes(_ticketingRoute: AnyRoute) {
  return [] as const;
}
