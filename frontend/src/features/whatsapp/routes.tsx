import { createRoute, lazyRouteComponent, type AnyRoute } from "@tanstack/react-router";
import { pickStringParams } from "@/lib/search-params";
import { CONVERSATIONS_SEARCH_KEYS } from "./table";

const ConversationsPage = lazyRouteComponent(() => import("./conversations-page"));
const ConversationPage = lazyRouteComponent(() => import("./conversation-page"));

/**
 * WhatsApp conversation pages (children of /ticketing, where CS works): the list and one
 * thread. Each page checks that the role reads conversations. Lazy chunks.
 */
export function createWhatsappRoutes(ticketingRoute: AnyRoute) {
  return [
    createRoute({
      getParentRoute: () => ticketingRoute,
      path: "conversations",
      validateSearch: (search: Record<string, unknown>) =>
        pickStringParams(search, CONVERSATIONS_SEARCH_KEYS),
      component: ConversationsPage,
    }),
    createRoute({
      getParentRoute: () => ticketingRoute,
      path: "conversations/$conversationId",
      component: ConversationPage,
    }),
  ] as const;
}
