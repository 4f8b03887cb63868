/** The in-app notifications of the signed-in user (the header bell). */
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { api, call } from "@/api/client";

export const notificationKeys = {
  all: ["notifications"] as const,
  unread: ["notifications", "unread-count"] as const,
  latest: ["notifications", "latest"] as const,
};

/** Polled once a minute: the worker sends task reminders every minute. */
export const UNREAD_POLL_MS = 60_000;

export function unreadCountQueryOptions() {
  return queryOptions({
    queryKey: notificationKeys.unread,
    queryFn: () => call(api.GET("/api/v1/notifications/unread-count")),
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
  });
}

export function latestNotificationsQueryOptions(enabled: boolean) {
  return queryOptions({
    queryKey: notificationKeys.latest,
    queryFn: () =>
      call(api.GET("/api/v1/notifications", { params: { query: { page: 1, per_page: 10 } } })),
    enabled,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(api.POST("/api/v1/notifications/{id}/read", { params: { path: { id } } })),
    onSettled: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST("/api/v1/notifications/read-all")),
    onSettled: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

/** "9+" keeps the badge small; zero shows no badge at all. */
export function badgeText(unread: number): string | null {
  if (unread <= 0) return null;
  return unread > 9 ? "9+" : String(unread);
}
