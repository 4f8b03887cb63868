/**
 * Locale-aware formatters. Money is IDR, dates are shown as dd/mm/yyyy and every
 * calendar computation happens in Asia/Jakarta, whatever the browser's zone.
 */
export type AppLocale = "id" | "en";

export const TIME_ZONE = "Asia/Jakarta";

const intlLocale: Record<AppLocale, string> = { id: "id-ID", en: "en-US" };

type NumericInput = number | string | null | undefined;

const numberFormatCache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: AppLocale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let nf = numberFormatCache.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(intlLocale[locale], options);
    numberFormatCache.set(key, nf);
  }
  return nf;
}

/** Parses numbers and API decimal strings ("1500000.00"); null for anything else. */
export function toNumber(value: NumericInput): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  const trimmed = value.trim();
  if (!/^[-+]?\d+(\.\d+)?$/.test(trimmed)) return null;
  return Number(trimmed);
}

/** Splits a decimal string so formatting never goes through a lossy float. */
function decimalParts(value: number | string): { negative: boolean; int: string; frac: string } {
  const s = typeof value === "number" ? value.toFixed(2) : value.trim().replace(/^\+/, "");
  const negative = s.startsWith("-");
  const [int = "0", frac = ""] = s.replace(/^-/, "").split(".");
  return { negative, int: int.replace(/^0+(?=\d)/, ""), frac };
}

/**
 * `Rp 1.500.000` (id) / `Rp 1,500,000` (en). Two decimals only when the amount has
 * cents; negative amounts read `-Rp 1.500.000`. Empty input gives an em dash.
 */
export function formatIDR(value: NumericInput, locale: AppLocale = "id"): string {
  if (toNumber(value) === null) return "—";
  const { negative, int, frac } = decimalParts(value as number | string);
  const cents = frac.padEnd(2, "0").slice(0, 2);
  const grouped = numberFormat(locale, { maximumFractionDigits: 0 }).format(BigInt(int));
  const decimalSep = locale === "id" ? "," : ".";
  const amount = /^0*$/.test(cents) ? grouped : `${grouped}${decimalSep}${cents}`;
  const isZero = /^0*$/.test(int) && /^0*$/.test(cents);
  return `${negative && !isZero ? "-" : ""}Rp ${amount}`;
}

/** Grouped number (`1.234.567,5` in id). */
export function formatNumber(
  value: NumericInput,
  locale: AppLocale = "id",
  options: Intl.NumberFormatOptions = { maximumFractionDigits: 2 },
): string {
  const n = toNumber(value);
  if (n === null) return "—";
  return numberFormat(locale, options).format(n);
}

/** `12,5%` (id) / `12.5%` (en); input is a percentage value (12.5 → 12,5%). */
export function formatPercent(value: NumericInput, locale: AppLocale = "id", digits = 1): string {
  const n = toNumber(value);
  if (n === null) return "—";
  return numberFormat(locale, {
    style: "percent",
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  }).format(n / 100);
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const jakartaParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

interface JakartaParts {
  day: string;
  month: string;
  year: string;
  hour: string;
  minute: string;
}

function partsInJakarta(date: Date): JakartaParts {
  const out: Record<string, string> = {};
  for (const p of jakartaParts.formatToParts(date)) out[p.type] = p.value;
  return {
    day: out.day ?? "",
    month: out.month ?? "",
    year: out.year ?? "",
    hour: out.hour ?? "",
    minute: out.minute ?? "",
  };
}

function toDate(value: string | Date): Date | null {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * `dd/mm/yyyy` in Asia/Jakarta. A plain calendar date (`2026-03-01`) is shown as is,
 * never shifted by a time zone.
 */
export function formatDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") {
    const m = DATE_ONLY.exec(value);
    if (m) return `${m[3] ?? ""}/${m[2] ?? ""}/${m[1] ?? ""}`;
  }
  const d = toDate(value);
  if (!d) return "—";
  const p = partsInJakarta(d);
  return `${p.day}/${p.month}/${p.year}`;
}

/** `dd/mm/yyyy HH:mm` in Asia/Jakarta (24-hour clock). */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === "") return "—";
  const d = toDate(value);
  if (!d) return "—";
  const p = partsInJakarta(d);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** Today's calendar date in Asia/Jakarta as `YYYY-MM-DD` (for `as_of` parameters). */
export function todayInJakarta(now: Date = new Date()): string {
  const p = partsInJakarta(now);
  return `${p.year}-${p.month}-${p.day}`;
}
