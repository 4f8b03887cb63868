/**
 * The publication time of a post as the form edits it: a day (`YYYY-MM-DD`, typed as
 * dd/mm/yyyy) and a time (`HH:mm`), both in Asia/Jakarta (WIB, UTC+7, no daylight
 * saving), to and from the API's RFC 3339 `published_at`.
 */
import { isDay } from "@/features/ar/lib/as-of";
import { formatDateTime } from "@/lib/format";

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isTime(value: string): boolean {
  return TIME.test(value);
}

/** `2026-12-01` + `08:00` → `2026-12-01T08:00:00+07:00`; null when either is invalid. */
export function toPublishedAt(day: string, time: string): string | null {
  if (!isDay(day) || !isTime(time)) return null;
  return `${day}T${time}:00+07:00`;
}

/** The Jakarta day and time of an API time; empty strings for none. */
export function fromPublishedAt(value: string | null | undefined): { day: string; time: string } {
  if (!value) return { day: "", time: "" };
  const [dmy = "", time = ""] = formatDateTime(value).split(" ");
  const [d, m, y] = dmy.split("/");
  if (!d || !m || !y) return { day: "", time: "" };
  return { day: `${y}-${m}-${d}`, time };
}
