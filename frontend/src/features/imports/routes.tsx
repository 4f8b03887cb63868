import { createRoute, lazyRouteComponent, type AnyRoute } from "@tanstack/react-router";
import { pickStringParams } from "@/lib/search-params";
import { ROWS_SEARCH_KEYS } from "./table";

const ImportDetailPage = lazyRouteComponent(() => import("./import-detail-page"));

/**
 * Import Center pages (children of /imports): one import with its mapping, progress and
 * rows. The Import Center itself is /imports' index route (router.tsx), so the route
 * tree keeps its types. Each page checks the user's import rights (GET imports/modules).
 */
export function createImportRoutes(importsRoute: AnyRoute) {
  return [
    createRoute({
      getParentRoute: () => importsRoute,
      path: "$importId",
      validateSearch: (search: Record<string, unknown>) =>
        pickStringParams(search, ROWS_SEARCH_KEYS),
      component: ImportDetailPage,
    }),
  ] as const;
}
