/** The scorecard as xlsx (GET exports/kpi-scorecard), downloaded with the session's token. */
import { api, call } from "@/api/client";
import { saveBlob } from "@/lib/download";
import type { ScorecardExportQuery } from "./types";

/** `kpi-scorecard_2026-11.xlsx`, `kpi-scorecard_2026-Q4_MKT.xlsx`, … */
export function scorecardFileName(query: ScorecardExportQuery): string {
  const who = query.company
    ? "company"
    : (query.dept ?? (query.team ? "team" : query.assignee_user_id ? "user" : undefined));
  return `kpi-scorecard_${query.period ?? "current"}${who ? `_${who}` : ""}.xlsx`;
}

export async function exportScorecard(query: ScorecardExportQuery): Promise<void> {
  const blob = await call(
    api.GET("/api/v1/exports/kpi-scorecard", { params: { query }, parseAs: "blob" }),
  );
  saveBlob(blob, scorecardFileName(query));
}
