/** Queries and mutations of the marketing page (ad spend, marketing events, channels). */
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { api, call } from "@/api/client";
import type { CreateEventBody, CreateSpendBody, EventListQuery, SpendListQuery } from "./types";

export const marketingKeys = {
  all: ["crm-work", "marketing"] as const,
  spendAll: ["crm-work", "marketing", "spend"] as const,
  spend: (query: SpendListQuery) => ["crm-work", "marketing", "spend", query] as const,
  eventsAll: ["crm-work", "marketing", "events"] as const,
  events: (query: EventListQuery) => ["crm-work", "marketing", "events", query] as const,
  channels: ["crm-work", "marketing", "channels"] as const,
};

export function spendQueryOptions(query: SpendListQuery) {
  return queryOptions({
    queryKey: marketingKeys.spend(query),
    queryFn: () => call(api.GET("/api/v1/marketing/spend", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function eventsQueryOptions(query: EventListQuery) {
  return queryOptions({
    queryKey: marketingKeys.events(query),
    queryFn: () => call(api.GET("/api/v1/marketing/events", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** Lead channels (codes, names, aliases): the event form's picker and the table's names. */
export function channelsQueryOptions() {
  return queryOptions({
    queryKey: marketingKeys.channels,
    queryFn: () => call(api.GET("/api/v1/channels")),
    staleTime: 5 * 60_000,
  });
}

export function useCreateSpend() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateSpendBody; idempotencyKey: string }) =>
      call(
        api.POST("/api/v1/marketing/spend", {
          body,
          params: { header: { "Idempotency-Key": idempotencyKey } },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: marketingKeys.spendAll });
    },
  });
}

export function useCreateEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateEventBody; idempotencyKey: string }) =>
      call(
        api.POST("/api/v1/marketing/events", {
          body,
          params: { header: { "Idempotency-Key": idempotencyKey } },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: marketingKeys.eventsAll });
    },
  });
}
