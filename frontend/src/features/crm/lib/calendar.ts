/** Month and week grids for the CRM calendar (weeks start on Monday, Jakarta dates). */
import {
  addDays,
  daysBetween,
  firstOfMonth,
  jakartaDate,
  lastOfMonth,
  weekdayIndex,
} from "./dates";

export type CalendarView = "month" | "week";

/** Monday of the week containing `date`. */
export function startOfWeek(date: string): string {
  return addDays(date, -weekdayIndex(date));
}

/** The 7 dates of the week containing `date`. */
export function weekDates(date: string): string[] {
  const start = startOfWeek(date);
  return Array.from({ length: 7 }, (_, i) => addDays(start, i));
}

/**
 * Full weeks (Monday → Sunday) covering a month: 4 to 6 rows of 7 dates, including
 * the trailing days of the previous month and the leading days of the next.
 */
export function monthGrid(month: string): string[][] {
  const start = startOfWeek(firstOfMonth(month));
  const end = addDays(startOfWeek(lastOfMonth(month)), 6);
  const weeks = (daysBetween(start, end) + 1) / 7;
  return Array.from({ length: weeks }, (_, w) =>
    Array.from({ length: 7 }, (_, d) => addDays(start, w * 7 + d)),
  );
}

/** First and last date a view shows around `date`. */
export function viewRange(view: CalendarView, date: string): { from: string; to: string } {
  if (view === "week") {
    const days = weekDates(date);
    return { from: days[0] ?? date, to: days[6] ?? date };
  }
  const grid = monthGrid(date.slice(0, 7));
  const first = grid[0]?.[0] ?? date;
  const last = grid[grid.length - 1]?.[6] ?? date;
  return { from: first, to: last };
}

/** Moves the anchor date one view back (−1) or forward (+1). */
export function shiftView(view: CalendarView, date: string, step: number): string {
  if (view === "week") return addDays(date, 7 * step);
  const [y = 1970, m = 1] = date.slice(0, 7).split("-").map(Number);
  const index = y * 12 + (m - 1) + step;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

/** Groups timed entries by their Jakarta date, keeping their order. */
export function groupByDay<T extends { at: string }>(entries: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const e of entries) {
    const key = jakartaDate(e.at);
    const list = out.get(key);
    if (list) list.push(e);
    else out.set(key, [e]);
  }
  return out;
}
