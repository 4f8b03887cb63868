/** Pure helpers of the SLA business calendar page: year, weekdays, holiday dates. */
import { HOLIDAY_KIND_VALUES, type HolidayKind } from "@/api/enums.gen";
import { isOneOf } from "@/lib/enums";
import type { AppLocale } from "@/lib/format";

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
/** ISO weekdays, Monday (1) to Sunday (7). */
export const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

const intlLocale: Record<AppLocale, string> = { id: "id-ID", en: "en-US" };

/** The `year` search param as a year the API accepts (2000–2100), else null. */
export function parseYear(value: string | undefined): number | null {
  if (!value || !/^\d{4}$/.test(value)) return null;
  const year = Number(value);
  return year >= MIN_YEAR && year <= MAX_YEAR ? year : null;
}

/** A `YYYY-MM-DD` date as a UTC Date (a calendar day, never shifted by a zone). */
function utcDate(day: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) ? null : d;
}

/** `Senin` / `Monday` for an ISO weekday (1 = Monday … 7 = Sunday). */
export function weekdayLabel(isodow: number, locale: AppLocale): string {
  // 2024-01-01 was a Monday.
  const date = new Date(Date.UTC(2024, 0, isodow));
  return new Intl.DateTimeFormat(intlLocale[locale], { weekday: "long", timeZone: "UTC" }).format(
    date,
  );
}

/** `Jumat, 12 Maret 2027` / `Friday, March 12, 2027`; the input as is when not a date. */
export function formatHolidayDate(day: string, locale: AppLocale): string {
  const date = utcDate(day);
  if (!date) return day;
  return new Intl.DateTimeFormat(intlLocale[locale], {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
}

export interface WeekdayHours {
  isodow: number;
  /** `08:00–17:00`, or null for a day without working hours. */
  hours: string | null;
}

/** Monday to Sunday with their working hours (null when the day has none). */
export function weekHours(
  rows: readonly { isodow: number; opens_at: string; closes_at: string }[],
): WeekdayHours[] {
  return ISO_WEEKDAYS.map((isodow) => {
    const row = rows.find((r) => r.isodow === isodow);
    return { isodow, hours: row ? `${row.opens_at}–${row.closes_at}` : null };
  });
}

/** Holidays by date, oldest first (a copy; the input is left alone). */
export function sortHolidays<T extends { day: string }>(holidays: readonly T[]): T[] {
  return [...holidays].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/** Narrows a server kind to a known one (unknown kinds are shown as national). */
export function holidayKind(kind: string): HolidayKind {
  return isOneOf(HOLIDAY_KIND_VALUES, kind) ? kind : "national";
}
