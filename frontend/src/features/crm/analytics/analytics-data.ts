/** Pure helpers of the CRM analytics page: default ranges, the trend pivot, ads totals. */
import type { Datum } from "@/components/charts/chart-utils";
import { isOneOf } from "@/lib/enums";
import { MARKETING_READERS } from "../access";
import { addMonths, firstOfMonth, lastOfMonth, monthOf } from "../lib/dates";
import { costPerLead } from "../lib/funnel";
import { addDecimal, toCents } from "../lib/money";
import type { AdsPlatform, ChannelMonth, DateRange } from "./analytics-api";

/** The page's default: the first of the current month up to today (Jakarta dates). */
export function defaultRange(today: string): DateRange {
  return { from: firstOfMonth(monthOf(today)), to: today };
}

/** The API's limit on a range: `to` must be before `from` + 24 months. */
export const MAX_RANGE_MONTHS = 24;

/**
 * Why the API would refuse the range (422), so the page can say so instead of asking:
 * `order` when it ends before it starts, `tooLong` from 24 months on.
 */
export function rangeProblem(range: DateRange): "order" | "tooLong" | null {
  if (range.to < range.from) return "order";
  // from + 24 months, the day clamped to the month's end (as the server computes it).
  const month = addMonths(monthOf(range.from), MAX_RANGE_MONTHS);
  const lastDay = lastOfMonth(month);
  const sameDay = `${month}-${range.from.slice(8, 10)}`;
  const limit = sameDay > lastDay ? lastDay : sameDay;
  return range.to >= limit ? "tooLong" : null;
}

/**
 * The trend's range: at least the six calendar months ending with the month of `to`,
 * reaching further back when the chosen range starts earlier.
 */
export function trendRange(range: DateRange, months = 6): DateRange {
  const sixMonthsBack = firstOfMonth(addMonths(monthOf(range.to), -(months - 1)));
  return { from: range.from < sixMonthsBack ? range.from : sixMonthsBack, to: range.to };
}

export interface TrendSeries {
  /** Data key in the pivoted rows (`c0`, `c1`, … and `other`). */
  key: string;
  /** The channel code; null for the sum of the remaining channels. */
  channel: string | null;
  total: number;
}

export interface TrendPivot {
  months: string[];
  series: TrendSeries[];
  /** One row per month: `month` plus one count per series key. */
  rows: Datum[];
}

/**
 * Month × channel rows → one row per month with a column per channel. The `maxSeries`
 * channels with the most leads keep their own line; the rest are summed into `other`.
 * Months stay in calendar order, channels with no lead at all are dropped.
 */
export function pivotChannelMonths(rows: readonly ChannelMonth[], maxSeries = 5): TrendPivot {
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.channel, (totals.get(r.channel) ?? 0) + r.leads);
  const ranked = [...totals.entries()]
    .filter(([, total]) => total > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  // A lone leftover channel keeps its own line rather than becoming "other".
  const keep = ranked.length <= maxSeries + 1 ? ranked : ranked.slice(0, maxSeries);
  const rest = ranked.slice(keep.length);
  const series: TrendSeries[] = keep.map(([channel, total], i) => ({
    key: `c${i}`,
    channel,
    total,
  }));
  if (rest.length > 0)
    series.push({ key: "other", channel: null, total: rest.reduce((s, [, n]) => s + n, 0) });
  const keyOf = new Map(keep.map(([channel], i) => [channel, `c${i}`]));
  const byMonth = new Map<string, Datum>(
    months.map((month) => [
      month,
      Object.fromEntries([["month", month], ...series.map((s) => [s.key, 0])]),
    ]),
  );
  for (const r of rows) {
    const row = byMonth.get(r.month);
    if (!row || r.leads === 0) continue;
    const key = keyOf.get(r.channel) ?? "other";
    row[key] = Number(row[key] ?? 0) + r.leads;
  }
  return { months, series, rows: months.map((m) => byMonth.get(m) ?? { month: m }) };
}

export interface AdsTotals {
  spend: string;
  leads: number;
  impressions: number;
  clicks: number;
  /** Total spend / total leads; null without leads. */
  cpl: string | null;
}

export function adsTotals(rows: readonly AdsPlatform[]): AdsTotals {
  const spend = rows.reduce((s, r) => addDecimal(s, r.spend), "0.00");
  const leads = rows.reduce((s, r) => s + r.leads, 0);
  return {
    spend,
    leads,
    impressions: rows.reduce((s, r) => s + r.impressions, 0),
    clicks: rows.reduce((s, r) => s + r.clicks, 0),
    cpl: costPerLead(spend, leads),
  };
}

/** Nothing to show: no spend, no impressions and no leads on any platform. */
export function adsIsEmpty(rows: readonly AdsPlatform[]): boolean {
  return rows.every(
    (r) => r.leads === 0 && r.impressions === 0 && r.clicks === 0 && toCents(r.spend) === 0n,
  );
}

/** Roles that may read marketing spend (mirrors the API's `can_read_spend`). */
export function readsSpend(role: string): boolean {
  return isOneOf(MARKETING_READERS, role);
}
