/**
 * Durations as people read them: `1 j 5 m` (id) / `1 h 5 m` (en) — the two largest
 * units that are not zero, hours at most (a wait of two days reads `48 j`). Response
 * times come in business minutes, wait and bot times in seconds; a missing value (no
 * reply in the period) is an em dash, never 0.
 */
import { formatNumber, toNumber, type AppLocale } from "@/lib/format";

const UNITS = {
  id: { h: "j", m: "m", s: "d" },
  en: { h: "h", m: "m", s: "s" },
} as const satisfies Record<AppLocale, Record<"h" | "m" | "s", string>>;

type Numeric = number | string | null | undefined;

/** Seconds as `1 j 5 m`, `2 m 30 d`, `45 d`, `2,5 d` (one decimal under 10 seconds). */
export function formatSeconds(value: Numeric, locale: AppLocale = "id"): string {
  const n = toNumber(value);
  if (n === null || n < 0) return "—";
  const u = UNITS[locale];
  if (n < 10) return `${formatNumber(n, locale, { maximumFractionDigits: 1 })} ${u.s}`;
  if (n < 3600) {
    const total = Math.round(n);
    if (total >= 3600) return `1 ${u.h}`;
    const m = Math.floor(total / 60);
    const s = total % 60;
    if (m === 0) return `${s} ${u.s}`;
    return s === 0 ? `${m} ${u.m}` : `${m} ${u.m} ${s} ${u.s}`;
  }
  const minutes = Math.round(n / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = formatNumber(h, locale, { maximumFractionDigits: 0 });
  return m === 0 ? `${hours} ${u.h}` : `${hours} ${u.h} ${m} ${u.m}`;
}

/** Minutes (business minutes of the SLA calendar) as `1 j 5 m`; under a minute in seconds. */
export function formatMinutes(value: Numeric, locale: AppLocale = "id"): string {
  const n = toNumber(value);
  if (n === null) return "—";
  return formatSeconds(n * 60, locale);
}
