/**
 * Calendar arithmetic in Asia/Jakarta (WIB, UTC+7 all year, no daylight saving).
 * Plain dates are `YYYY-MM-DD` strings and months `YYYY-MM`; they are computed with
 * UTC date maths so the browser's own zone never shifts a day.
 */
import { todayInJakarta } from "@/lib/format";

export const JAKARTA_OFFSET = "+07:00";
const OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const pad = (n: number) => String(n).padStart(2, "0");

function parseDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function formatUtcDate(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The Jakarta calendar date of an instant. */
export function jakartaDate(value: string | Date): string {
  return todayInJakarta(typeof value === "string" ? new Date(value) : value);
}

/** `HH:mm` of an instant in Jakarta. */
export function jakartaTime(value: string | Date): string {
  const d = new Date(new Date(value).getTime() + OFFSET_MS);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export function addDays(date: string, days: number): string {
  return formatUtcDate(new Date(parseDate(date).getTime() + days * DAY_MS));
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((parseDate(b).getTime() - parseDate(a).getTime()) / DAY_MS);
}

/** 0 = Monday … 6 = Sunday (weeks start on Monday in Indonesia). */
export function weekdayIndex(date: string): number {
  return (parseDate(date).getUTCDay() + 6) % 7;
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function addMonths(month: string, n: number): string {
  const [y = 1970, m = 1] = month.split("-").map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

export function firstOfMonth(month: string): string {
  return `${month}-01`;
}

export function lastOfMonth(month: string): string {
  return addDays(firstOfMonth(addMonths(month, 1)), -1);
}

/** Midnight of a Jakarta date as an RFC 3339 instant (`2026-11-01T00:00:00+07:00`). */
export function startOfDayInstant(date: string): string {
  return `${date}T00:00:00${JAKARTA_OFFSET}`;
}

/** An instant as the value of an `<input type="datetime-local">`, in Jakarta time. */
export function toLocalInput(value: string | null | undefined): string {
  if (!value) return "";
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return "";
  return `${jakartaDate(d)}T${jakartaTime(d)}`;
}

/** A `datetime-local` value read as Jakarta time → RFC 3339 instant; null when empty/invalid. */
export function fromLocalInput(value: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/.exec(value.trim());
  if (!m) return null;
  return `${m[1] ?? ""}T${m[2] ?? ""}:${m[3] ?? ""}:00${JAKARTA_OFFSET}`;
}

/** A default due time: today at `hour`:00 Jakarta, or tomorrow when that has passed. */
export function defaultDueInput(now: Date = new Date(), hour = 17): string {
  const today = jakartaDate(now);
  const candidate = `${today}T${pad(hour)}:00`;
  const instant = fromLocalInput(candidate);
  if (instant && new Date(instant).getTime() > now.getTime()) return candidate;
  return `${addDays(today, 1)}T${pad(hour)}:00`;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isDate(value: unknown): value is string {
  return (
    typeof value === "string" && DATE_RE.test(value) && !Number.isNaN(parseDate(value).getTime())
  );
}

/** From the first day `before` months back to the last day `after` months ahead of `today`. */
export function monthsAround(
  today: string,
  before: number,
  after: number,
): { from: string; to: string } {
  const month = monthOf(today);
  return {
    from: firstOfMonth(addMonths(month, -before)),
    to: lastOfMonth(addMonths(month, after)),
  };
}
