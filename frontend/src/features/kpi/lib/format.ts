/**
 * KPI values as people read them, per unit: `Rp 1.500.000` (idr), `92,5%` (percent),
 * `45 mnt` (minutes), `45 hari` (days), `1.234` (count). The API sends decimal strings;
 * a missing value (`null`, no data source) is never shown as 0 — callers show NA.
 */
import type { KpiUnit } from "@/api/enums.gen";
import type { ValueFormat } from "@/components/charts/chart-utils";
import { isKeyOf } from "@/lib/enums";
import { formatIDR, formatNumber, formatPercent, toNumber, type AppLocale } from "@/lib/format";

type Numeric = string | number | null | undefined;

/** The short unit written after minutes and days. */
const SUFFIX = {
  id: { minutes: "mnt", days: "hari", day: "hari" },
  en: { minutes: "min", days: "days", day: "day" },
} as const satisfies Record<AppLocale, Record<string, string>>;

const FORMATTERS = {
  idr: (v: Numeric, locale: AppLocale) => formatIDR(v, locale),
  percent: (v: Numeric, locale: AppLocale) => formatPercent(v, locale, 2),
  minutes: (v: Numeric, locale: AppLocale) =>
    `${formatNumber(v, locale, { maximumFractionDigits: 1 })} ${SUFFIX[locale].minutes}`,
  days: (v: Numeric, locale: AppLocale) =>
    `${formatNumber(v, locale, { maximumFractionDigits: 1 })} ${
      toNumber(v) === 1 ? SUFFIX[locale].day : SUFFIX[locale].days
    }`,
  count: (v: Numeric, locale: AppLocale) => formatNumber(v, locale, { maximumFractionDigits: 2 }),
} as const satisfies Record<KpiUnit, (v: Numeric, locale: AppLocale) => string>;

/** A value in its unit; an em dash when there is none (unknown units read as counts). */
export function formatKpiValue(value: Numeric, unit: string, locale: AppLocale): string {
  if (toNumber(value) === null) return "—";
  return (isKeyOf(FORMATTERS, unit) ? FORMATTERS[unit] : FORMATTERS.count)(value, locale);
}

/** Achievement in percent (`"92.35"` → `92,4%`); an em dash when there is none. */
export function formatAchievement(value: Numeric, locale: AppLocale): string {
  return formatPercent(value, locale, 1);
}

/** How a chart formats a unit's axis and tooltip (minutes and days as plain numbers). */
export function chartFormat(unit: string): ValueFormat {
  if (unit === "idr") return "idr";
  if (unit === "percent") return "percent";
  return "number";
}

/** A decimal string as a number for charts; null stays null (a gap, never a 0). */
export function chartNumber(value: Numeric): number | null {
  return toNumber(value);
}
