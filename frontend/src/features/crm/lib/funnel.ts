/** Funnel and conversion arithmetic for the CRM analytics page (CRM-7). */
import { fromCents, toCents } from "./money";

export interface FunnelStep<K extends string = string> {
  key: K;
  count: number;
  /** Share of the first step, 0–100 (null when the first step is 0). */
  pctOfFirst: number | null;
  /** Conversion from the previous step, 0–100 (null for the first step or a 0 previous). */
  pctOfPrevious: number | null;
}

/** Rounds to 2 decimals (what the tooltips and tables show). */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** part / whole as a percentage; null when whole is 0. */
export function percent(part: number, whole: number): number | null {
  if (!Number.isFinite(part) || !Number.isFinite(whole) || whole <= 0) return null;
  return round2((part / whole) * 100);
}

export function funnelSteps<K extends string>(
  steps: readonly { key: K; count: number }[],
): FunnelStep<K>[] {
  const first = steps[0]?.count ?? 0;
  return steps.map((s, i) => ({
    key: s.key,
    count: s.count,
    pctOfFirst: percent(s.count, first),
    pctOfPrevious: i === 0 ? null : percent(s.count, steps[i - 1]?.count ?? 0),
  }));
}

/** Cost per lead as a decimal string (rupiah, 2 decimals); null without leads. */
export function costPerLead(spend: string | number, leads: number): string | null {
  if (!Number.isInteger(leads) || leads <= 0) return null;
  const cents = toCents(spend);
  const n = BigInt(leads);
  // Half up on the cent, exactly.
  return fromCents((cents * 2n + n) / (2n * n));
}
