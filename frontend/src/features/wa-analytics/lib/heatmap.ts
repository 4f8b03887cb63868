/**
 * The weekday × hour heat-map of incoming customer messages: the full 7 × 24 grid (a
 * missing cell is 0), a five-step colour scale from the busiest cell, its legend, and
 * the peak as people say it ("Rabu 10:00"). Weekdays are ISO (1 = Monday), hours
 * Asia/Jakarta, as the API sends them.
 */
import type { AppLocale } from "@/lib/format";

export interface HeatCell {
  weekday: number;
  hour: number;
  incoming: number;
}

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const HOURS = Array.from({ length: 24 }, (_, h) => h);

const WEEKDAY_NAMES = {
  id: ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"],
  en: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
} as const satisfies Record<AppLocale, readonly string[]>;

const WEEKDAY_SHORT = {
  id: ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"],
  en: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
} as const satisfies Record<AppLocale, readonly string[]>;

/** Empty, then lighter to darker navy. */
export const HEAT_COLORS = ["#f1f5f9", "#d6e1f1", "#7f9ccd", "#385a96", "#0b1f3a"] as const;
const STEPS = HEAT_COLORS.length - 1;

export function weekdayName(weekday: number, locale: AppLocale, short = false): string {
  const names = short ? WEEKDAY_SHORT[locale] : WEEKDAY_NAMES[locale];
  return names[weekday - 1] ?? String(weekday);
}

/** `10:00` for hour 10. */
export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}

/** "Rabu 10:00" / "Wednesday 10:00"; null without a peak. */
export function peakLabel(
  cell: Pick<HeatCell, "weekday" | "hour"> | null | undefined,
  locale: AppLocale,
): string | null {
  if (!cell) return null;
  return `${weekdayName(cell.weekday, locale)} ${hourLabel(cell.hour)}`;
}

/** Rows Monday → Sunday, each 24 counts (hour 0 → 23); cells the API left out are 0. */
export function heatGrid(cells: readonly HeatCell[]): number[][] {
  const grid = WEEKDAYS.map(() => HOURS.map(() => 0));
  for (const c of cells) {
    const row = grid[c.weekday - 1];
    if (row && c.hour >= 0 && c.hour < 24) row[c.hour] = c.incoming;
  }
  return grid;
}

/** 0 for no messages, then 1–4 by quarters of the busiest cell. */
export function heatLevel(value: number, max: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.min(STEPS, Math.max(1, Math.ceil((value / max) * STEPS)));
}

export function heatColor(value: number, max: number): string {
  return HEAT_COLORS[heatLevel(value, max)] ?? HEAT_COLORS[0];
}

export interface LegendStep {
  level: number;
  color: string;
  from: number;
  to: number;
}

/** The legend's steps with the counts each covers (whole messages; empty steps left out). */
export function heatLegend(max: number): LegendStep[] {
  const steps: LegendStep[] = [{ level: 0, color: HEAT_COLORS[0], from: 0, to: 0 }];
  if (max <= 0) return steps;
  for (let level = 1; level <= STEPS; level += 1) {
    const from = Math.floor((max * (level - 1)) / STEPS) + 1;
    const to = Math.floor((max * level) / STEPS);
    if (from <= to) steps.push({ level, color: HEAT_COLORS[level] ?? HEAT_COLORS[0], from, to });
  }
  return steps;
}
