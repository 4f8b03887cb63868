import type { AppLocale } from "@/lib/format";

/** `2026-11` → `Nov 2026` (en) / `Nov 2026` (id), read as a calendar month. */
export function monthLabel(
  month: string,
  locale: AppLocale,
  style: "short" | "long" = "short",
): string {
  const d = new Date(`${month}-01T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return month;
  return new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-US", {
    month: style,
    year: "numeric",
    timeZone: "UTC",
  }).format(d);
}
