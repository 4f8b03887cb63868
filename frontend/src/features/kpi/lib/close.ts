/**
 * KPI-5, closed periods: the drift of a frozen figure since the close (`+3`,
 * `−Rp 150.000`), the periods that may be closed (those that have ended), and the
 * closes of GET kpi/periods grouped per period and department with their history.
 */
import { toNumber, type AppLocale } from "@/lib/format";
import { formatKpiValue } from "./format";
import { parsePeriod, periodRange, periodValue, type Period, type PeriodKind } from "./period";

type Numeric = string | number | null | undefined;

/** The sources moved since the close: a drift that is there and is not zero. */
export function hasDrift(drift: Numeric): boolean {
  const n = toNumber(drift);
  return n !== null && n !== 0;
}

/**
 * A drift in the metric's unit with its sign (`+3`, `−2,5 hari`, `+Rp 150.000`); null
 * when there is none or it is zero. The magnitude is formatted from the decimal string
 * itself, never through a float.
 */
export function formatDrift(drift: Numeric, unit: string, locale: AppLocale): string | null {
  if (!hasDrift(drift)) return null;
  const text = String(drift).trim();
  const negative = text.startsWith("-");
  const magnitude = text.replace(/^[-+]/, "");
  return `${negative ? "\u2212" : "+"}${formatKpiValue(magnitude, unit, locale)}`;
}

/** A period has ended (may be closed) once its last day is before `today` (Asia/Jakarta). */
export function isEnded(period: string | Period, today: string): boolean {
  const p = typeof period === "string" ? parsePeriod(period) : period;
  return p !== null && periodRange(p).end < today;
}

/** How many of each kind the close form offers, newest first. */
export const CLOSABLE_COUNTS = { month: 12, quarter: 4, year: 2 } as const satisfies Record<
  PeriodKind,
  number
>;

/**
 * The ended periods a close form offers: the last `counts.month` months, quarters and
 * years that are over by `today`, newest first (last month first).
 */
export function endedPeriods(
  today: string,
  counts: Record<PeriodKind, number> = CLOSABLE_COUNTS,
): Record<PeriodKind, string[]> {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const out: Record<PeriodKind, string[]> = { month: [], quarter: [], year: [] };
  // Walk back from the current one: the current period itself has not ended.
  for (let i = 0, y = year, m = month; out.month.length < counts.month && i < 1200; i += 1) {
    const p: Period = { kind: "month", year: y, n: m };
    if (isEnded(p, today)) out.month.push(periodValue(p));
    m -= 1;
    if (m === 0) [y, m] = [y - 1, 12];
  }
  let [qy, q] = [year, Math.ceil(month / 3)];
  for (let i = 0; out.quarter.length < counts.quarter && i < 400; i += 1) {
    const p: Period = { kind: "quarter", year: qy, n: q };
    if (isEnded(p, today)) out.quarter.push(periodValue(p));
    q -= 1;
    if (q === 0) [qy, q] = [qy - 1, 4];
  }
  for (let y = year; out.year.length < counts.year && y > year - 100; y -= 1) {
    const p: Period = { kind: "year", year: y, n: 0 };
    if (isEnded(p, today)) out.year.push(periodValue(p));
  }
  return out;
}

export interface CloseLike {
  id: string;
  period: string;
  period_start: string;
  dept: string;
  revision: number;
  reopened_at?: string | null | undefined;
}

export interface CloseGroup<C extends CloseLike> {
  key: string;
  period: string;
  dept: string;
  /** The close in force (not reopened), if any: the period is closed. */
  standing: C | null;
  /** Every revision, newest first. */
  revisions: C[];
}

/**
 * The closes per period and department: newest period first, then department; each
 * with its revisions newest first and the one in force, if the period is closed.
 */
export function groupCloses<C extends CloseLike>(closes: readonly C[]): CloseGroup<C>[] {
  const groups = new Map<string, CloseGroup<C>>();
  for (const c of closes) {
    const key = `${c.period}|${c.dept}`;
    let g = groups.get(key);
    if (!g) {
      g = { key, period: c.period, dept: c.dept, standing: null, revisions: [] };
      groups.set(key, g);
    }
    g.revisions.push(c);
  }
  const start = (g: CloseGroup<C>) => g.revisions[0]?.period_start ?? "";
  return [...groups.values()]
    .map((g) => {
      const revisions = [...g.revisions].sort((a, b) => b.revision - a.revision);
      const standing = revisions.find((r) => !r.reopened_at) ?? null;
      return { ...g, revisions, standing };
    })
    .sort(
      (a, b) =>
        start(b).localeCompare(start(a)) ||
        a.period.localeCompare(b.period) ||
        a.dept.localeCompare(b.dept),
    );
}
