import type { KpiUnit } from "@/api/enums.gen";
import type { AppLocale } from "@/lib/format";
import { formatIDR, formatNumber, formatPercent, toNumber } from "@/lib/format";

type Money = Extract<KpiUnit, "idr">;
type Percent = Extract<KpiUnit, "percent">;
/** How chart values read: plain numbers, or the KPI units money and percent. */
export type ValueFormat = "number" | Money | Percent;

export type Datum = Record<string, string | number | null | undefined>;

export interface SeriesDef {
  key: string;
  label: string;
  color?: string;
}

/** Navy, yellow and companions: distinguishable and AA-readable on white. */
export const CHART_COLORS = ["#0b1f3a", "#ca8a04", "#0369a1", "#15803d", "#b91c1c", "#6d28d9"];

export function colorAt(i: number, explicit?: string): string {
  return explicit ?? CHART_COLORS[i % CHART_COLORS.length] ?? "#0b1f3a";
}

/** Exact value for tooltips and the table view (no abbreviation). */
export function formatValue(value: unknown, format: ValueFormat, locale: AppLocale): string {
  const v = typeof value === "number" || typeof value === "string" ? value : null;
  if (format === "idr") return formatIDR(v, locale);
  if (format === "percent") return formatPercent(v, locale, 2);
  return formatNumber(v, locale, { maximumFractionDigits: 2 });
}

/** Compact axis ticks (`1,5 jt` / `1.5M`). */
export function formatAxis(value: unknown, format: ValueFormat, locale: AppLocale): string {
  const n = toNumber(typeof value === "number" || typeof value === "string" ? value : null);
  if (n === null) return "";
  if (format === "percent") return formatPercent(n, locale, 0);
  const compact = new Intl.NumberFormat(locale === "id" ? "id-ID" : "en-US", {
    notation: "compact",
    maximumFractionDigits: 1,
  }).format(n);
  return format === "idr" ? `Rp ${compact}` : compact;
}

/** True when there is nothing meaningful to draw. */
export function isEmptySeries(
  data: readonly Datum[] | undefined,
  keys: readonly string[],
): boolean {
  if (!data || data.length === 0) return true;
  return !data.some((d) => keys.some((k) => toNumber(d[k]) !== null));
}
