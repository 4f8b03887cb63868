/** Queries of the KPI pages: metrics, scorecards, trends, targets, entries, people, closes. */
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api, call } from "@/api/client";
import type { Me } from "@/api/types";
import { scopeRights, type Person, type ScopeParams } from "./lib/scope";
import type { EntryListQuery, PeriodCloseQuery, TargetListQuery } from "./types";

/** Trend months of every scorecard and chart (seed 003: six months). */
export const TREND_MONTHS = 6;

export const kpiKeys = {
  all: ["kpi"] as const,
  metrics: ["kpi", "metrics"] as const,
  scorecard: (query: ScorecardParams) => ["kpi", "scorecard", query] as const,
  trend: (query: TrendParams) => ["kpi", "trend", query] as const,
  targets: (query: TargetListQuery) => ["kpi", "targets", query] as const,
  entries: (query: EntryListQuery) => ["kpi", "entries", query] as const,
  people: (userId: string, kind: string, dept: string | null) =>
    ["kpi", "people", userId, kind, dept] as const,
  file: (id: string) => ["kpi", "file", id] as const,
  closes: (query: PeriodCloseQuery) => ["kpi", "closes", query] as const,
  user: (id: string) => ["kpi", "user", id] as const,
};

export type ScorecardParams = ScopeParams & { period: string };
export type TrendParams = ScopeParams & { period: string; metric_key: string };

export const metricsQueryOptions = queryOptions({
  queryKey: kpiKeys.metrics,
  queryFn: () => call(api.GET("/api/v1/kpi/metrics")),
  staleTime: 10 * 60_000,
});

export function scorecardQueryOptions(query: ScorecardParams) {
  return queryOptions({
    queryKey: kpiKeys.scorecard(query),
    queryFn: () =>
      call(
        api.GET("/api/v1/kpi/scorecard", {
          params: { query: { ...query, months: TREND_MONTHS } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function trendQueryOptions(query: TrendParams) {
  return queryOptions({
    queryKey: kpiKeys.trend(query),
    queryFn: () =>
      call(api.GET("/api/v1/kpi/trend", { params: { query: { ...query, months: TREND_MONTHS } } })),
    placeholderData: keepPreviousData,
  });
}

export function targetsQueryOptions(query: TargetListQuery) {
  return queryOptions({
    queryKey: kpiKeys.targets(query),
    queryFn: () => call(api.GET("/api/v1/kpi/targets", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function entriesQueryOptions(query: EntryListQuery) {
  return queryOptions({
    queryKey: kpiKeys.entries(query),
    queryFn: () => call(api.GET("/api/v1/kpi/entries", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

async function users(query: { dept?: string; manager_user_id?: string }): Promise<Person[]> {
  const list = await call(
    api.GET("/api/v1/users", {
      params: { query: { is_active: true, per_page: 200, sort: "full_name", ...query } },
    }),
  );
  return list.data;
}

/**
 * The people a role may pick (scorecards, targets, entries) from the company
 * directory (GET users): everyone for the director and super admin; the department
 * and the team for a department's manager; the team for the sales manager; nobody else.
 */
export function peopleQueryOptions(me: Pick<Me, "id" | "role">) {
  const rights = scopeRights(me);
  return queryOptions({
    queryKey: kpiKeys.people(me.id, rights.people, rights.dept),
    queryFn: async (): Promise<Person[]> => {
      if (rights.people === "none") return [];
      if (rights.people === "all") return users({});
      const team = await users({ manager_user_id: me.id });
      if (rights.people === "team" || !rights.dept) return team;
      const dept = await users({ dept: rights.dept });
      const seen = new Set(dept.map((p) => p.id));
      return [...dept, ...team.filter((p) => !seen.has(p.id))];
    },
    staleTime: 5 * 60_000,
  });
}

export const departmentsQueryOptions = queryOptions({
  queryKey: ["departments"],
  queryFn: () => call(api.GET("/api/v1/departments")),
  staleTime: Infinity,
});

/** An evidence file as a Blob (the download needs the auth header). */
export function evidenceQueryOptions(id: string) {
  return queryOptions({
    queryKey: kpiKeys.file(id),
    queryFn: () =>
      call(api.GET("/api/v1/files/{id}", { params: { path: { id } }, parseAs: "blob" })),
    staleTime: Infinity,
    gcTime: 5 * 60_000,
  });
}

/** The closes of periods (KPI-5), every revision, newest period first. */
export function closesQueryOptions(query: PeriodCloseQuery) {
  return queryOptions({
    queryKey: kpiKeys.closes(query),
    queryFn: () => call(api.GET("/api/v1/kpi/periods", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** One user of the company directory (who closed or reopened a period). */
export function userQueryOptions(id: string) {
  return queryOptions({
    queryKey: kpiKeys.user(id),
    queryFn: () => call(api.GET("/api/v1/users/{id}", { params: { path: { id } } })),
    staleTime: 10 * 60_000,
  });
}
