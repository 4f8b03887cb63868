/**
 * Calendar days of the receivables pages: the `as_of` report day in the URL
 * (`YYYY-MM-DD`, Asia/Jakarta). Days are compared as ISO strings, never shifted
 * through a time zone.
 */
import { isDay, pad } from "@/lib/day";

export { isDay, parseDayText } from "@/lib/day";

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The report day from the URL: a real day not after `today`; anything else (a typo, a
 * future day the books cannot know yet) is ignored, which means "today".
 */
export function parseAsOf(raw: unknown, today: string): string | undefined {
  return isDay(raw) && raw <= today ? raw : undefined;
}

/** `day` plus `n` days (negative goes back). */
export function addDays(day: string, n: number): string {
  const m = ISO_DAY.exec(day);
  if (!m) return day;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + n));
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The last day of the month before `day` (a common closing day to look back to). */
export function endOfPreviousMonth(day: string): string {
  return addDays(`${day.slice(0, 8)}01`, -1);
}
