/**
 * A figure beside the previous period's (the API's `Trend`): which way it moved, whether
 * that is good news, and the change as text (`+12,5%`). More conversations is neither
 * good nor bad; a longer response time is bad; a higher delivery rate is good.
 */
import { formatNumber, type AppLocale } from "@/lib/format";

export type Direction = "up" | "down" | "flat" | "none";
/** Which way is good news for a figure. */
export type Better = "higher" | "lower" | "neither";
export type Tone = "success" | "warning" | "danger" | "muted";

interface TrendLike {
  change_pct?: number | null;
}

/** Up, down or flat by the change in percent; none when there is nothing to compare with. */
export function trendDirection(trend: TrendLike | null | undefined): Direction {
  const pct = trend?.change_pct;
  if (pct === null || pct === undefined || !Number.isFinite(pct)) return "none";
  if (pct > 0) return "up";
  if (pct < 0) return "down";
  return "flat";
}

/** Green when the figure moved the good way, red the bad way, grey otherwise. */
export function trendTone(direction: Direction, better: Better): Tone {
  if (better === "neither" || direction === "flat" || direction === "none") return "muted";
  return (direction === "up") === (better === "higher") ? "success" : "danger";
}

/** Text classes of each tone (AA on white). */
export const TONE_TEXT = {
  success: "text-success",
  warning: "text-yellow-800",
  danger: "text-danger",
  muted: "text-slate-600",
} as const satisfies Record<Tone, string>;

/** `+12,5%`, `−3%`, `0%`; an em dash when there is no previous figure. */
export function formatChange(trend: TrendLike | null | undefined, locale: AppLocale): string {
  const pct = trend?.change_pct;
  if (pct === null || pct === undefined || !Number.isFinite(pct)) return "—";
  const abs = formatNumber(Math.abs(pct), locale, { maximumFractionDigits: 1 });
  if (pct > 0) return `+${abs}%`;
  if (pct < 0) return `−${abs}%`;
  return `${abs}%`;
}
