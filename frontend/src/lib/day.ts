/**
 * Calendar days as the API writes them (`YYYY-MM-DD`, Asia/Jakarta) and as people type
 * them (dd/mm/yyyy, whatever the browser's locale). Days are compared as ISO strings,
 * never shifted through a time zone.
 */
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The API takes days between 2000 and 2099. */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** `YYYY-MM-DD` of a real day (no 31 February) between 2000 and 2099, or null. */
function isoOf(year: number, month: number, day: number): string | null {
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** True for a real calendar day written `YYYY-MM-DD` (2000–2099). */
export function isDay(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const m = ISO_DAY.exec(value);
  return m !== null && isoOf(Number(m[1]), Number(m[2]), Number(m[3])) === value;
}

/**
 * A day typed by a person: `31/12/2026`, `1/2/2026`, `31-12-2026`, `31.12.2026` (day
 * first, as in Indonesia) or ISO `2026-12-31`. Null for anything else.
 */
export function parseDayText(text: string): string | null {
  const s = text.trim();
  const iso = ISO_DAY.exec(s);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!dmy) return null;
  return isoOf(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
}
