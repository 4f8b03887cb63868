/** Queries of the broadcast monitor (WhatsApp tracking broadcasts sent by n8n). */
import { keepPreviousData, queryOptions, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { api, call } from "@/api/client";
import type { Role } from "@/api/enums.gen";
import type { components } from "@/api/schema";
import { isOneOf } from "@/lib/enums";
import { useServerEvents, type ConnectionState } from "@/lib/events";

export type BroadcastLog = components["schemas"]["BroadcastLog"];
export type BroadcastSummary = components["schemas"]["BroadcastSummary"];
export type Shipment = components["schemas"]["Shipment"];

export interface BroadcastListQuery {
  page: number;
  per_page: number;
  sort?: string;
  tracking_number?: string;
  phone?: string;
  status?: string;
  from?: string;
  to?: string;
}

export const broadcastKeys = {
  all: ["broadcasts"] as const,
  list: (query: BroadcastListQuery) => ["broadcasts", "list", query] as const,
  summary: ["broadcasts", "summary"] as const,
  shipment: (awb: string) => ["broadcasts", "shipment", awb] as const,
};

/** Roles the API lets read broadcast logs (others get 403). */
export const BROADCAST_READERS = [
  "super_admin",
  "director",
  "cs_admin",
  "cs_agent",
] as const satisfies readonly Role[];

export function readsBroadcasts(role: string): boolean {
  return isOneOf(BROADCAST_READERS, role);
}

export function broadcastLogsQueryOptions(query: BroadcastListQuery) {
  return queryOptions({
    queryKey: broadcastKeys.list(query),
    queryFn: () => call(api.GET("/api/v1/broadcast-logs", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function broadcastSummaryQueryOptions() {
  return queryOptions({
    queryKey: broadcastKeys.summary,
    queryFn: () => call(api.GET("/api/v1/broadcast-logs/summary")),
  });
}

export function shipmentQueryOptions(awb: string) {
  return queryOptions({
    queryKey: broadcastKeys.shipment(awb),
    queryFn: () =>
      call(
        api.GET("/api/v1/shipments/{tracking_number}", {
          params: { path: { tracking_number: awb } },
        }),
      ),
  });
}

/** Today's success rate: successful of those sent (success + failed), in percent. */
export function todaySuccessRate(summary: BroadcastSummary): number | null {
  const done = summary.sent_today + summary.failed_today;
  return done === 0 ? null : Math.round((summary.sent_today / done) * 1000) / 10;
}

/**
 * Refetches the broadcast queries when n8n posts logs (or the stream asks for a
 * resync). Bursts of events are coalesced into one refetch.
 */
export function useLiveBroadcasts(): ConnectionState {
  const client = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return useServerEvents((event) => {
    if (event.type !== "broadcast_logs.created" && event.type !== "resync") return;
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void client.invalidateQueries({ queryKey: broadcastKeys.all });
    }, 250);
  });
}
