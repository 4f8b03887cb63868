/**
 * Exact arithmetic on the API's decimal strings ("150000000.00") through integer cents,
 * so sums and stage weightings never go through a lossy float. The cents helpers live
 * in lib/money (shared with the receivables pages).
 */
import { fromCents, toCents } from "@/lib/money";

export { addDecimal, fromCents, subDecimal, toCents } from "@/lib/money";

/** value × percent / 100, rounded half up to the cent. */
export function weighted(value: string, percent: string): string {
  const v = toCents(value);
  const p = toCents(percent); // percent with two decimals → ×100
  const product = v * p; // cents × (percent × 100)
  const divisor = 10000n;
  const rounded = (product + (product >= 0n ? divisor / 2n : -divisor / 2n)) / divisor;
  return fromCents(rounded);
}

/**
 * A rupiah amount typed by a person: any separators or an `Rp` prefix are dropped and
 * the digits read as whole rupiah (`Rp 1.500.000` → `"1500000.00"`). Null when there
 * is no digit, the text holds anything else, or it ends in what looks like decimals.
 */
export function parseRupiahInput(text: string): string | null {
  // "1.500,5" or "1,500.50": decimals are not taken, rather than misread.
  if (/[.,]\d{1,2}\s*$/.test(text)) return null;
  const cleaned = text.replace(/^\s*rp\.?\s*/i, "").replace(/[\s.,_]/g, "");
  if (!/^\d+$/.test(cleaned)) return null;
  return `${cleaned.replace(/^0+(?=\d)/, "")}.00`;
}
