/**
 * The CRM Effectiveness dashboard's queries (GET dashboard/{kpi, conversation-
 * effectiveness, …}), each refetched every 30 s, and the live refresh on server events.
 */
import { keepPreviousData, queryOptions, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { api, call } from "@/api/client";
import { useServerEvents, type ConnectionState } from "@/lib/events";
import { REFETCH_INTERVAL_MS, refreshesDashboard, throttleDelay } from "./lib/live";
import type { DashboardQuery } from "./types";

export const waAnalyticsKeys = {
  all: ["wa-analytics"] as const,
  section: (section: string, query: DashboardQuery) => ["wa-analytics", section, query] as const,
};

const live = { refetchInterval: REFETCH_INTERVAL_MS, placeholderData: keepPreviousData } as const;

export function kpiQueryOptions(query: DashboardQuery) {
  return queryOptions({
    queryKey: waAnalyticsKeys.section("kpi", query),
    queryFn: () => call(api.GET("/api/v1/dashboard/kpi", { params: { query } })),
    ...live,
  });
}

export function conversationEffectivenessQueryOptions(query: DashboardQuery) {
  return queryOptions({
    queryKey: waAnalyticsKeys.section("conversation-effectiveness", query),
    queryFn: () =>
      call(api.GET("/api/v1/dashboard/conversation-effectiveness", { params: { query } })),
    ...live,
  });
}

export function whatsappPerformanceQueryOptions(query: DashboardQuery) {
  return queryOptions({
    queryKey: waAnalyticsKeys.section("whatsapp-performance", query),
    queryFn: () => call(api.GET("/api/v1/dashboard/whatsapp-performance", { params: { query } })),
    ...live,
  });
}

export function customerLoadQueryOptions(query: DashboardQuery) {
  return queryOptions({
    queryKey: waAnalyticsKeys.section("customer-load", query),
    queryFn: () => call(api.GET("/api/v1/dashboard/customer-load", { params: { query } })),
    ...live,
  });
}

export function agentProductivityQueryOptions(query: DashboardQuery) {
  return queryOptions({
    queryKey: waAnalyticsKeys.section("agent-productivity", query),
    queryFn: () => call(api.GET("/api/v1/dashboard/agent-productivity", { params: { query } })),
    ...live,
  });
}

export function automationImpactQueryOptions(query: DashboardQuery) {
  return queryOptions({
    queryKey: waAnalyticsKeys.section("automation-impact", query),
    queryFn: () => call(api.GET("/api/v1/dashboard/automation-impact", { params: { query } })),
    ...live,
  });
}

export function businessImpactQueryOptions(query: DashboardQuery) {
  return queryOptions({
    queryKey: waAnalyticsKeys.section("business-impact", query),
    queryFn: () => call(api.GET("/api/v1/dashboard/business-impact", { params: { query } })),
    ...live,
  });
}

/**
 * Reads every section again when the server announces a change that can move a figure
 * (a conversation, a ticket, a resync after missed events): at once, then at most once
 * per 5 s however many events arrive. Returns the event stream's state.
 */
export function useLiveDashboard(): ConnectionState {
  const client = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastRun = useRef<number | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return useServerEvents((event) => {
    if (!refreshesDashboard(event) || timer.current) return;
    timer.current = setTimeout(
      () => {
        timer.current = null;
        lastRun.current = Date.now();
        void client.invalidateQueries({ queryKey: waAnalyticsKeys.all });
      },
      throttleDelay(lastRun.current, Date.now()),
    );
  });
}
