/**
 * DSO figures (DSO-5): the change against a month earlier and the series as chart points.
 * DSO values are days with two decimals ("42.86"), compared in hundredths.
 */
import { fromCents, toCents } from "@/lib/money";
import type { DsoPoint } from "../types";

export interface DsoTrend {
  /** Days of change, two decimals, without sign. */
  delta: string;
  /** A higher DSO is worse: cash comes in more slowly. */
  direction: "rising" | "falling" | "flat";
}

/** DSO now against DSO a month earlier; null when either cannot be computed. */
export function dsoTrend(
  current: string | null | undefined,
  previous: string | null | undefined,
): DsoTrend | null {
  if (current === null || current === undefined || previous === null || previous === undefined)
    return null;
  const diff = toCents(current) - toCents(previous);
  const direction = diff > 0n ? "rising" : diff < 0n ? "falling" : "flat";
  return { delta: fromCents(diff < 0n ? -diff : diff), direction };
}

/** The series as chart points (`dso` null where there was no revenue: a gap, not a 0). */
export function dsoChartData(series: readonly DsoPoint[]): { date: string; dso: number | null }[] {
  return series.map((p) => ({
    date: p.date,
    dso: p.dso === null || p.dso === undefined ? null : Number(p.dso),
  }));
}
