/**
 * The dashboard's period in the URL (`?from=2026-11-08&to=2026-12-07`, Asia/Jakarta
 * days, both included): absent means the API's default, the last 7 days. A range the API
 * would refuse (backwards, longer than 92 days) is caught here and not sent.
 */
import { addDays, isDay } from "@/features/ar/lib/as-of";

export const DEFAULT_DAYS = 7;
export const MAX_DAYS = 92;

export type PeriodProblem = "order" | "tooLong";

export interface Period {
  from: string;
  to: string;
  problem: PeriodProblem | null;
}

/** Days from `from` to `to`, both included. */
export function spanDays(from: string, to: string): number {
  return (
    Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1
  );
}

/** The period of the URL: a missing or unreadable `to` is today, `from` six days before it. */
export function resolvePeriod(
  search: { from?: string | undefined; to?: string | undefined },
  today: string,
): Period {
  const to = isDay(search.to) ? search.to : today;
  const from = isDay(search.from) ? search.from : addDays(to, -(DEFAULT_DAYS - 1));
  let problem: PeriodProblem | null = null;
  if (from > to) problem = "order";
  else if (spanDays(from, to) > MAX_DAYS) problem = "tooLong";
  return { from, to, problem };
}

/** The last `days` days ending today (a preset). */
export function lastDays(days: number, today: string): { from: string; to: string } {
  return { from: addDays(today, -(days - 1)), to: today };
}
