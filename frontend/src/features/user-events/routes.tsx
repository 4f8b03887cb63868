import { createRoute, lazyRouteComponent, type AnyRoute } from "@tanstack/react-router";
import { RequireCapability } from "@/features/auth/guards";
import { pickStringParams } from "@/lib/search-params";
import { USER_EVENTS_SEARCH_KEYS } from "./table";

const UserEventsPage = lazyRouteComponent(() => import("./user-events-page"));

/** The user activity log (an admin page, child of the signed-in app). A lazy chunk. */
export function createUserEventsRoutes(appRoute: AnyRoute) {
  return [
    createRoute({
      getParentRoute: () => appRoute,
      path: "admin/user-events",
      validateSearch: (search: Record<string, unknown>) =>
        pickStringParams(search, USER_EVENTS_SEARCH_KEYS),
      component: () => (
        <RequireCapability capability="user_events:read">
          <UserEventsPage />
        </RequireCapability>
      ),
    }),
  ] as const;
}
