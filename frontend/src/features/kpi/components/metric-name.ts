import type { AppLocale } from "@/lib/format";

/** A metric's name in the UI language (the API sends both). */
export function metricName(m: { name: string; name_en: string }, locale: AppLocale): string {
  return locale === "en" ? m.name_en || m.name : m.name;
}
