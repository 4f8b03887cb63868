/**
 * A scorecard row's status as colour and order: on track green, at risk yellow, behind
 * red, NA grey (no data source) and no target navy; the dashboard lists the rows most
 * behind first.
 */
import { KPI_STATUS_VALUES, type KpiStatus } from "@/api/enums.gen";
import { isKeyOf } from "@/lib/enums";
import { toNumber } from "@/lib/format";

export type StatusTone = "success" | "warning" | "danger" | "muted" | "default";

/** The Badge variant of each status. */
export const STATUS_TONE = {
  on_track: "success",
  at_risk: "warning",
  behind: "danger",
  na: "muted",
  no_target: "default",
} as const satisfies Record<KpiStatus, StatusTone>;

/** The achievement bar's fill (AA contrast against the track). */
export const STATUS_BAR_CLASS = {
  on_track: "bg-success",
  at_risk: "bg-accent-500",
  behind: "bg-danger",
  na: "bg-slate-400",
  no_target: "bg-navy-400",
} as const satisfies Record<KpiStatus, string>;

/** The same colours for charts (sparklines). */
export const STATUS_COLOR = {
  on_track: "#15803d",
  at_risk: "#ca8a04",
  behind: "#b91c1c",
  na: "#64748b",
  no_target: "#385a96",
} as const satisfies Record<KpiStatus, string>;

/** Worst first: what needs attention. */
const SEVERITY = {
  behind: 0,
  at_risk: 1,
  on_track: 2,
  no_target: 3,
  na: 4,
} as const satisfies Record<KpiStatus, number>;

export function statusTone(status: string): StatusTone {
  return isKeyOf(STATUS_TONE, status) ? STATUS_TONE[status] : "muted";
}

export function statusBarClass(status: string): string {
  return isKeyOf(STATUS_BAR_CLASS, status) ? STATUS_BAR_CLASS[status] : STATUS_BAR_CLASS.na;
}

export function statusColor(status: string): string {
  return isKeyOf(STATUS_COLOR, status) ? STATUS_COLOR[status] : STATUS_COLOR.na;
}

/** The bar's filled share, 0–100 (an achievement above 100 % fills it). */
export function barPercent(achievement: string | number | null | undefined): number {
  const n = toNumber(achievement);
  if (n === null || n <= 0) return 0;
  return Math.min(100, n);
}

interface Scored {
  status: string;
  achievement_pct?: string | null | undefined;
}

function severity(status: string): number {
  return isKeyOf(SEVERITY, status) ? SEVERITY[status] : SEVERITY.na;
}

/**
 * The `limit` rows most behind: judged rows only (a target and an actual), behind
 * before at risk before on track, the lowest achievement first.
 */
export function mostBehind<R extends Scored>(rows: readonly R[], limit = 4): R[] {
  return rows
    .filter((r) => severity(r.status) <= SEVERITY.on_track)
    .map((row, index) => ({ row, index, pct: toNumber(row.achievement_pct) ?? 0 }))
    .sort(
      (a, b) =>
        severity(a.row.status) - severity(b.row.status) || a.pct - b.pct || a.index - b.index,
    )
    .slice(0, limit)
    .map((x) => x.row);
}

/** How many rows have each status (every status present, 0 when none). */
export function countByStatus(rows: readonly Scored[]): Record<KpiStatus, number> {
  const counts = Object.fromEntries(KPI_STATUS_VALUES.map((s) => [s, 0])) as Record<
    KpiStatus,
    number
  >;
  for (const r of rows) if (isKeyOf(counts, r.status)) counts[r.status] += 1;
  return counts;
}
