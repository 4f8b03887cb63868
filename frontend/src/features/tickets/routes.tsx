import { createRoute, lazyRouteComponent, type AnyRoute } from "@tanstack/react-router";
import { pickStringParams } from "@/lib/search-params";
import { QUEUE_SEARCH_KEYS } from "./queue-table";
import { createWhatsappRoutes } from "@/features/whatsapp/routes";
import { createRfqRoutes } from "./rfqs/routes";

const QueuePage = lazyRouteComponent(() => import("./queue-page"));
const NewTicketPage = lazyRouteComponent(() => import("./new-ticket-page"));
const TicketDetailPage = lazyRouteComponent(() => import("./ticket-detail-page"));
const SlaReportPage = lazyRouteComponent(() => import("./sla-report-page"));
const SlaCalendarPage = lazyRouteComponent(() => import("./sla-calendar-page"));

/**
 * Ticket pages (children of /ticketing): queue, detail, new ticket, SLA report and its
 * business calendar, the RFQ pages (rfqs/) and the WhatsApp conversations CS works
 * (features/whatsapp). Lazy chunks.
 */
export function createTicketRoutes(ticketingRoute: AnyRoute) {
  return [
    ...createRfqRoutes(ticketingRoute),
    ...createWhatsappRoutes(ticketingRoute),
    createRoute({
      getParentRoute: () => ticketingRoute,
      path: "tickets",
      validateSearch: (search: Record<string, unknown>) =>
        pickStringParams(search, QUEUE_SEARCH_KEYS),
      component: QueuePage,
    }),
    createRoute({
      getParentRoute: () => ticketingRoute,
      path: "tickets/new",
      component: NewTicketPage,
    }),
    createRoute({
      getParentRoute: () => ticketingRoute,
      path: "tickets/sla",
      validateSearch: (search: Record<string, unknown>) =>
        pickStringParams(search, ["from", "to"] as const),
      component: SlaReportPage,
    }),
    createRoute({
      getParentRoute: () => ticketingRoute,
      path: "tickets/sla/calendar",
      validateSearch: (search: Record<string, unknown>) =>
        pickStringParams(search, ["year"] as const),
      component: SlaCalendarPage,
    }),
    createRoute({
      getParentRoute: () => ticketingRoute,
      path: "tickets/$ticketId",
      component: TicketDetailPage,
    }),
  ] as const;
}
