/**
 * KPI periods as the API takes them: a month (`2026-11`), a quarter (`2026-Q4`) or a
 * year (`2026`), each a run of whole Asia/Jakarta calendar days. Days are ISO strings
 * (`YYYY-MM-DD`) and never pass through a time zone.
 */
import type { AppLocale } from "@/lib/format";

export type PeriodKind = "month" | "quarter" | "year";

export interface Period {
  kind: PeriodKind;
  year: number;
  /** Month 1–12, quarter 1–4; 0 for a year. */
  n: number;
}

export const PERIOD_KINDS: readonly PeriodKind[] = ["month", "quarter", "year"];

/** The API's years. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2099;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** `2026-11`, `2026-Q4` (or `q4`) or `2026`; null for anything else. */
export function parsePeriod(raw: unknown): Period | null {
  if (typeof raw !== "string") return null;
  const m = /^(\d{4})(?:-(?:(\d{2})|[Qq]([1-4])))?$/.exec(raw.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < FIRST_YEAR || year > LAST_YEAR) return null;
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { kind: "month", year, n: month } : null;
  }
  if (m[3] !== undefined) return { kind: "quarter", year, n: Number(m[3]) };
  return { kind: "year", year, n: 0 };
}

/** The API's spelling of a period. */
export function periodValue(p: Period): string {
  if (p.kind === "month") return `${pad(p.year, 4)}-${pad(p.n)}`;
  if (p.kind === "quarter") return `${pad(p.year, 4)}-Q${p.n}`;
  return pad(p.year, 4);
}

/** The month of a day (`2026-12-07` → `2026-12`). */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** A period from the URL, or the month of `today` when it is missing or invalid. */
export function periodOrCurrent(raw: unknown, today: string): string {
  const p = parsePeriod(raw);
  return p ? periodValue(p) : monthOf(today);
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** First and last day (inclusive) of a period. */
export function periodRange(p: Period): { start: string; end: string } {
  const [first, last] =
    p.kind === "month" ? [p.n, p.n] : p.kind === "quarter" ? [p.n * 3 - 2, p.n * 3] : [1, 12];
  const y = pad(p.year, 4);
  return {
    start: `${y}-${pad(first)}-01`,
    end: `${y}-${pad(last)}-${pad(lastDayOfMonth(p.year, last))}`,
  };
}

/** The month `delta` months after `month` (`2026-12`, 1 → `2027-01`). */
export function shiftMonth(month: string, delta: number): string {
  const p = parsePeriod(month);
  if (!p || p.kind !== "month") return month;
  const index = p.year * 12 + (p.n - 1) + delta;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

/** The same moment as another kind of period: the quarter or year of a month, etc. */
export function convertPeriod(p: Period, kind: PeriodKind): Period {
  const month = p.kind === "month" ? p.n : p.kind === "quarter" ? p.n * 3 - 2 : 1;
  if (kind === "month") return { kind, year: p.year, n: month };
  if (kind === "quarter") return { kind, year: p.year, n: Math.ceil(month / 3) };
  return { kind, year: p.year, n: 0 };
}

/**
 * The months of a run of days when it is made of whole months (`2026-10-01`..`2026-12-31`
 * → three months), else null: what `POST kpi/targets/{id}/split` accepts (two or more).
 */
export function wholeMonths(start: string, end: string): string[] | null {
  const s = /^(\d{4})-(\d{2})-01$/.exec(start);
  const e = /^(\d{4})-(\d{2})-(\d{2})$/.exec(end);
  if (!s || !e) return null;
  const [ey, em, ed] = [Number(e[1]), Number(e[2]), Number(e[3])];
  if (ed !== lastDayOfMonth(ey, em)) return null;
  const first = `${s[1] ?? ""}-${s[2] ?? ""}`;
  const last = `${pad(ey, 4)}-${pad(em)}`;
  if (last < first) return null;
  const months: string[] = [];
  for (let m = first; m <= last; m = shiftMonth(m, 1)) months.push(m);
  return months;
}

/** The period a run of days is exactly (a month, a quarter or a year), else null. */
export function periodOfRange(start: string, end: string): Period | null {
  const months = wholeMonths(start, end);
  const first = months?.[0] ? parsePeriod(months[0]) : null;
  if (!months || !first) return null;
  if (months.length === 1) return first;
  if (months.length === 3 && first.n % 3 === 1) return convertPeriod(first, "quarter");
  if (months.length === 12 && first.n === 1) return convertPeriod(first, "year");
  return null;
}

const monthNames = new Map<string, Intl.DateTimeFormat>();
function monthFormat(locale: AppLocale, month: "long" | "short"): Intl.DateTimeFormat {
  const key = `${locale}|${month}`;
  let f = monthNames.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", {
      month,
      year: "numeric",
      timeZone: "UTC",
    });
    monthNames.set(key, f);
  }
  return f;
}

/** `Desember 2026` / `December 2026`, `K4 2026` / `Q4 2026`, `2026`. */
export function periodLabel(
  raw: string | Period,
  locale: AppLocale,
  month: "long" | "short" = "long",
): string {
  const p = typeof raw === "string" ? parsePeriod(raw) : raw;
  if (!p) return typeof raw === "string" ? raw : "";
  if (p.kind === "month") return monthFormat(locale, month).format(Date.UTC(p.year, p.n - 1, 1));
  if (p.kind === "quarter") return `${locale === "id" ? "K" : "Q"}${p.n} ${p.year}`;
  return String(p.year);
}

/** Years a period picker offers: a few back from `today`'s and the next one. */
export function pickerYears(today: string, back = 4): number[] {
  const year = Number(today.slice(0, 4));
  const years: number[] = [];
  for (let y = Math.min(year + 1, LAST_YEAR); y >= Math.max(year - back, FIRST_YEAR); y -= 1) {
    years.push(y);
  }
  return years;
}
