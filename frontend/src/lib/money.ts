/**
 * Exact arithmetic on the API's decimal strings ("150000000.00") through integer cents
 * (BigInt), so sums, remainders and allocations never go through a lossy float.
 */
import { parseDecimalText } from "./number-input";

export function toCents(value: string | number | null | undefined): bigint {
  if (value === null || value === undefined) return 0n;
  const s = typeof value === "number" ? value.toFixed(2) : value.trim();
  const m = /^([-+]?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return 0n;
  const cents = BigInt(m[2] || "0") * 100n + BigInt((m[3] ?? "").padEnd(2, "0").slice(0, 2) || "0");
  return m[1] === "-" ? -cents : cents;
}

export function fromCents(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const int = abs / 100n;
  const frac = String(abs % 100n).padStart(2, "0");
  return `${negative ? "-" : ""}${int}.${frac}`;
}

export function addDecimal(a: string, b: string): string {
  return fromCents(toCents(a) + toCents(b));
}

export function subDecimal(a: string, b: string): string {
  return fromCents(toCents(a) - toCents(b));
}

/** The exact sum of decimal strings. */
export function sumDecimals(values: readonly (string | null | undefined)[]): string {
  return fromCents(values.reduce((sum, v) => sum + toCents(v), 0n));
}

/** The API's money limit: numeric(18, 2), so at most 16 integer digits. */
export const MAX_AMOUNT_INT_DIGITS = 16;

/**
 * A money amount typed the Indonesian way (`1.500.000,50`, `1500000`, `12,5`) as the
 * API's canonical decimal string (`"1500000.50"`); null when it cannot be read, has
 * more than two decimals or more than 16 integer digits. Never goes through a float.
 */
export function parseMoneyInput(text: string): string | null {
  const decimal = parseDecimalText(text);
  if (decimal === null) return null;
  const [int = "0", frac = ""] = decimal.split(".");
  if (frac.length > 2) return null;
  const digits = int.replace(/^0+(?=\d)/, "");
  if (digits.length > MAX_AMOUNT_INT_DIGITS) return null;
  return `${digits}.${frac.padEnd(2, "0")}`;
}
