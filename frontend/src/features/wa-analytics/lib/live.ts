/**
 * Live refresh: the dashboards read again every 30 s and when the server announces a
 * change (a WhatsApp message, a ticket). A burst of events makes one refetch at most
 * every few seconds — the API caches each section for 30 s anyway.
 */
import type { ServerEvent } from "@/lib/sse";

export const REFETCH_INTERVAL_MS = 30_000;
/** At most one event-driven refetch per this window. */
export const EVENT_THROTTLE_MS = 5_000;

const RELEVANT = new Set<ServerEvent["type"]>([
  "conversation.updated",
  "ticket.created",
  "ticket.updated",
  "resync",
]);

/** Whether an event can change a figure of the dashboard. */
export function refreshesDashboard(event: ServerEvent): boolean {
  return RELEVANT.has(event.type);
}

/**
 * How long to wait before the next event-driven refetch: none when the last one is older
 * than the window, else the rest of the window (the burst's last change is still read).
 */
export function throttleDelay(
  lastRun: number | null,
  now: number,
  windowMs = EVENT_THROTTLE_MS,
): number {
  if (lastRun === null) return 0;
  return Math.max(0, lastRun + windowMs - now);
}
