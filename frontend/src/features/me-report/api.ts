/** The personal report (GET me/report) and its xlsx export, downloaded with the session's token. */
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api, call } from "@/api/client";
import { saveBlob } from "@/lib/download";

export const meReportKeys = {
  all: ["me-report"] as const,
  period: (period: string) => ["me-report", period] as const,
};

export function meReportQueryOptions(period: string) {
  return queryOptions({
    queryKey: meReportKeys.period(period),
    queryFn: () => call(api.GET("/api/v1/me/report", { params: { query: { period } } })),
    placeholderData: keepPreviousData,
  });
}

export async function exportMeReport(period: string): Promise<void> {
  const blob = await call(
    api.GET("/api/v1/exports/me-report", { params: { query: { period } }, parseAs: "blob" }),
  );
  saveBlob(blob, `me-report-${period}.xlsx`);
}
