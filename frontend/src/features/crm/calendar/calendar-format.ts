import type { AppLocale } from "@/lib/format";

/** Entries shown in a month cell before "+N more". */
export const CELL_LIMIT = 3;

export function intl(locale: AppLocale, options: Intl.DateTimeFormatOptions) {
  return new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-US", {
    ...options,
    timeZone: "UTC",
  });
}

export const asUtc = (date: string) => new Date(`${date}T00:00:00Z`);
