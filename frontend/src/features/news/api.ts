/** Queries of the news page and the dashboard widget. */
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api, call } from "@/api/client";
import type { NewsListQuery } from "./types";

/** Posts the dashboard widget shows. */
export const LATEST_NEWS = 3;
/** Posts per page of the news page. */
export const NEWS_PER_PAGE = 10;

export const newsKeys = {
  all: ["news"] as const,
  list: (query: NewsListQuery) => ["news", "list", query] as const,
  post: (id: string) => ["news", "post", id] as const,
};

export function newsListQueryOptions(query: NewsListQuery) {
  return queryOptions({
    queryKey: newsKeys.list(query),
    queryFn: () => call(api.GET("/api/v1/news", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** The latest published posts for the caller (drafts and scheduled posts left out). */
export function latestNewsQueryOptions() {
  return newsListQueryOptions({ state: "published", limit: LATEST_NEWS });
}

export function newsQueryOptions(id: string) {
  return queryOptions({
    queryKey: newsKeys.post(id),
    queryFn: () => call(api.GET("/api/v1/news/{id}", { params: { path: { id } } })),
  });
}
