/** The dashboard's live activity feed: pure helpers (tested in activity.test.ts). */
import type { ServerEvent } from "@/lib/sse";

export const FEED_SIZE = 20;

export interface ActivityItem {
  key: string;
  event: ServerEvent;
  /** Epoch milliseconds. */
  at: number;
}

function eventTime(event: ServerEvent, received: number): number {
  const raw =
    event.type === "broadcast_logs.created"
      ? event.broadcast_at
      : event.type === "resync"
        ? undefined
        : event.at;
  const parsed = raw ? Date.parse(raw) : Number.NaN;
  // A client clock behind the server's must not show events "in the future".
  return Number.isNaN(parsed) ? received : Math.min(parsed, received);
}

/** Adds an event on top of the feed, keeping the newest `size` items. */
export function pushActivity(
  feed: readonly ActivityItem[],
  event: ServerEvent,
  received: number,
  seq: number,
  size = FEED_SIZE,
): ActivityItem[] {
  const item: ActivityItem = { key: `${received}-${seq}`, event, at: eventTime(event, received) };
  return [item, ...feed].slice(0, size);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/**
 * "5 menit yang lalu" / "5 minutes ago"; under a minute gives null (the caller shows
 * "just now").
 */
export function relativeTime(at: number, now: number, locale: string): string | null {
  const diff = now - at;
  for (const [unit, ms] of UNITS) {
    if (diff >= ms) {
      return new Intl.RelativeTimeFormat(locale, { numeric: "auto" }).format(
        -Math.floor(diff / ms),
        unit,
      );
    }
  }
  return null;
}
