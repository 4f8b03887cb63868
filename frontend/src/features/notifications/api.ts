/** The in-app notifications of the signed-in user (the header bell). */
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { api, call } from "@/api/client";
import type { NotificationKind } from "@/api/enums.gen";
import { useServerEvents } from "@/lib/events";

export const notificationKeys = {
  all: ["notifications"] as const,
  unread: ["notifications", "unread-count"] as const,
  latest: ["notifications", "latest"] as const,
  preferences: ["notification-preferences"] as const,
};

/** Not polled: new notifications arrive over the event stream (useLiveNotifications). */
export function unreadCountQueryOptions() {
  return queryOptions({
    queryKey: notificationKeys.unread,
    queryFn: () => call(api.GET("/api/v1/notifications/unread-count")),
    refetchOnWindowFocus: true,
  });
}

/** Whether a server event means my notifications changed (or may have, after a gap). */
export function changesNotifications(event: { type: string }): boolean {
  return event.type === "notification.created" || event.type === "resync";
}

/** Reloads the count and the list when a notification of mine arrives live. */
export function useLiveNotifications() {
  const client = useQueryClient();
  useServerEvents((event) => {
    if (changesNotifications(event)) {
      void client.invalidateQueries({ queryKey: notificationKeys.all });
    }
  });
}

export function notificationPreferencesQueryOptions() {
  return queryOptions({
    queryKey: notificationKeys.preferences,
    queryFn: () => call(api.GET("/api/v1/me/notification-preferences")),
  });
}

export function useSetEmailPreference() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, email }: { kind: NotificationKind; email: boolean }) =>
      call(
        api.PUT("/api/v1/me/notification-preferences", {
          body: { preferences: [{ kind, email }] },
        }),
      ),
    onSuccess: (data) => client.setQueryData(notificationKeys.preferences, data),
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
