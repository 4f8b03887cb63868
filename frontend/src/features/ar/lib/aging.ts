/**
 * Aging figures for the overview (DSO-2, DSO-6), computed exactly in cents from the
 * API's decimal strings: what is overdue, the customers who owe the most overdue, and
 * the stacked bar per bucket (the largest customers, then "others").
 */
import { fromCents, toCents } from "@/lib/money";
import type { AgingRow } from "../types";

/** The aging buckets, in order: not yet due, then days past due. */
export const AGING_BUCKETS = ["current", "d1_30", "d31_60", "d61_90", "d90_plus"] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];
const OVERDUE_BUCKETS = AGING_BUCKETS.filter((b) => b !== "current");

type Amounts = Pick<AgingRow, AgingBucket>;

/** Σ of the past-due buckets (1–30 … > 90) in cents. */
export function overdueCents(row: Amounts): bigint {
  return OVERDUE_BUCKETS.reduce((sum, b) => sum + toCents(row[b]), 0n);
}

export function overdueOf(row: Amounts): string {
  return fromCents(overdueCents(row));
}

export interface OverdueCustomer {
  row: AgingRow;
  overdue: string;
}

/** The `n` customers with the most overdue, largest first (ties by name). */
export function topOverdue(rows: readonly AgingRow[], n: number): OverdueCustomer[] {
  return rows
    .map((row) => ({ row, cents: overdueCents(row) }))
    .filter((r) => r.cents > 0n)
    .sort((a, b) =>
      a.cents === b.cents
        ? a.row.customer_name.localeCompare(b.row.customer_name)
        : a.cents > b.cents
          ? -1
          : 1,
    )
    .slice(0, n)
    .map(({ row, cents }) => ({ row, overdue: fromCents(cents) }));
}

export const OTHERS_KEY = "others";

export interface AgingChart {
  /** One datum per bucket: `bucket` plus one value per series key. */
  data: Record<string, string | number>[];
  /** The customers drawn (key = `c<i>`), then "others" when some customers are left. */
  series: { key: string; name: string }[];
}

/**
 * The stacked bar per bucket: the `top` customers by total, each its own segment, and
 * the rest summed as "others" (totals − Σ drawn, exact). Values become numbers only
 * here, for the chart's geometry; they stay exact up to Rp 90 trillion.
 */
export function agingChart(
  rows: readonly AgingRow[],
  totals: AgingRow,
  top: number,
  othersName: string,
): AgingChart {
  const drawn = [...rows]
    .filter((r) => toCents(r.total) > 0n)
    .sort((a, b) => (toCents(b.total) > toCents(a.total) ? 1 : -1))
    .slice(0, top);
  const series = drawn.map((r, i) => ({ key: `c${i}`, name: r.customer_name }));
  // The rows may be one page of the customers: "others" is whatever the totals row has
  // beyond the customers drawn.
  const drawnTotal = drawn.reduce((sum, r) => sum + toCents(r.total), 0n);
  const hasOthers =
    rows.filter((r) => toCents(r.total) > 0n).length > drawn.length ||
    toCents(totals.total) !== drawnTotal;
  if (hasOthers) series.push({ key: OTHERS_KEY, name: othersName });
  const data = AGING_BUCKETS.map((bucket) => {
    const datum: Record<string, string | number> = { bucket };
    let shown = 0n;
    drawn.forEach((r, i) => {
      const cents = toCents(r[bucket]);
      shown += cents;
      datum[`c${i}`] = Number(fromCents(cents));
    });
    if (hasOthers) datum[OTHERS_KEY] = Number(fromCents(toCents(totals[bucket]) - shown));
    return datum;
  });
  return { data, series };
}

/** True when nothing is outstanding at all (the chart shows its empty state). */
export function agingIsEmpty(totals: Amounts | undefined): boolean {
  return !totals || AGING_BUCKETS.every((b) => toCents(totals[b]) === 0n);
}
