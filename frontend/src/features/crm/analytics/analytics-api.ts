/** Queries of the CRM analytics page (CRM-7): one per card, all over the same date range. */
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { paths } from "@/api/schema";
import type { Json } from "@/api/lookup";
import { api, call } from "@/api/client";

type Ok<P extends keyof paths> = paths[P] extends { get: { responses: { 200: infer R } } }
  ? Json<R>
  : never;

export type Funnel = Ok<"/api/v1/crm/funnel">;
export type FunnelStep = Funnel["steps"][number];
export type ChannelConversion = Ok<"/api/v1/crm/conversion-by-channel">[number];
export type ChannelMonth = Ok<"/api/v1/crm/leads-by-channel-month">[number];
export type LeadSource = Ok<"/api/v1/crm/lead-sources">[number];
export type AdsPlatform = Ok<"/api/v1/crm/ads-performance">[number];
export type Workload = Ok<"/api/v1/crm/team-workload">[number];

/** Inclusive Jakarta calendar dates (`YYYY-MM-DD`). */
export interface DateRange {
  from: string;
  to: string;
}

export const analyticsKeys = {
  all: ["crm-work", "analytics"] as const,
  funnel: (range: DateRange) => ["crm-work", "analytics", "funnel", range] as const,
  conversion: (range: DateRange) => ["crm-work", "analytics", "conversion", range] as const,
  trend: (range: DateRange) => ["crm-work", "analytics", "trend", range] as const,
  sources: (range: DateRange) => ["crm-work", "analytics", "sources", range] as const,
  ads: (range: DateRange) => ["crm-work", "analytics", "ads", range] as const,
  workload: (range: DateRange) => ["crm-work", "analytics", "workload", range] as const,
};

export function funnelQueryOptions(range: DateRange) {
  return queryOptions({
    queryKey: analyticsKeys.funnel(range),
    queryFn: () => call(api.GET("/api/v1/crm/funnel", { params: { query: range } })),
    placeholderData: keepPreviousData,
  });
}

export function conversionQueryOptions(range: DateRange) {
  return queryOptions({
    queryKey: analyticsKeys.conversion(range),
    queryFn: () => call(api.GET("/api/v1/crm/conversion-by-channel", { params: { query: range } })),
    placeholderData: keepPreviousData,
  });
}

export function trendQueryOptions(range: DateRange) {
  return queryOptions({
    queryKey: analyticsKeys.trend(range),
    queryFn: () =>
      call(api.GET("/api/v1/crm/leads-by-channel-month", { params: { query: range } })),
    placeholderData: keepPreviousData,
  });
}

export function leadSourcesQueryOptions(range: DateRange) {
  return queryOptions({
    queryKey: analyticsKeys.sources(range),
    queryFn: () => call(api.GET("/api/v1/crm/lead-sources", { params: { query: range } })),
    placeholderData: keepPreviousData,
  });
}

export function adsPerformanceQueryOptions(range: DateRange) {
  return queryOptions({
    queryKey: analyticsKeys.ads(range),
    queryFn: () => call(api.GET("/api/v1/crm/ads-performance", { params: { query: range } })),
    placeholderData: keepPreviousData,
  });
}

export function teamWorkloadQueryOptions(range: DateRange) {
  return queryOptions({
    queryKey: analyticsKeys.workload(range),
    queryFn: () => call(api.GET("/api/v1/crm/team-workload", { params: { query: range } })),
    placeholderData: keepPreviousData,
  });
}
