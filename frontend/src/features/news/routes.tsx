import { createRoute, lazyRouteComponent, type AnyRoute } from "@tanstack/react-router";
import { pickStringParams } from "@/lib/search-params";
import { NEWS_SEARCH_KEYS } from "./search-keys";

const NewsPage = lazyRouteComponent(() => import("./news-page"));

/** The address of the news page, and of one post on it. */
export const NEWS_PATH = "/news";
export const newsPostPath = (id: string) => `${NEWS_PATH}?id=${encodeURIComponent(id)}`;

/**
 * News (NEWS-1) for every signed-in user (a child of the signed-in layout); the page
 * shows administrators their writing tools. Its chunk loads on first visit.
 */
export function createNewsRoutes(appRoute: AnyRoute) {
  return [
    createRoute({
      getParentRoute: () => appRoute,
      path: NEWS_PATH.slice(1),
      validateSearch: (search: Record<string, unknown>) =>
        pickStringParams(search, NEWS_SEARCH_KEYS),
      component: NewsPage,
    }),
  ] as const;
}
