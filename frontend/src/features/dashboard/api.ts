/** The dashboard's summary (GET /dashboard/summary) and its live refresh. */
import { queryOptions, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { api, call } from "@/api/client";
import type { components } from "@/api/schema";

export type DashboardSummary = components["schemas"]["DashboardSummary"];
export type DashboardTicket = components["schemas"]["DashboardTicket"];

export const dashboardKeys = {
  summary: ["dashboard", "summary"] as const,
};

export function dashboardSummaryQueryOptions() {
  return queryOptions({
    queryKey: dashboardKeys.summary,
    queryFn: () => call(api.GET("/api/v1/dashboard/summary")),
  });
}

/** Invalidates the summary, coalescing bursts of events into one refetch. */
export function useSummaryInvalidation(): () => void {
  const client = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void client.invalidateQueries({ queryKey: dashboardKeys.summary });
    }, 300);
  };
}
