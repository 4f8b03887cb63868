/**
 * Exact arithmetic on the API's decimal strings ("150000000.00") through integer cents,
 * so sums and stage weightings never go through a lossy float. The cents helpers live
 * in lib/money (shared with the receivables pages).
 */
import { fromCents, parseMoneyInput, toCents } from "@/lib/money";

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
 * A rupiah amount typed by a person the Indonesian way, with or without an `Rp`
 * prefix (`Rp 1.500.000`, `1.500.000,50`) as the API's decimal string
 * (`"1500000.50"`); null when it cannot be read (see parseMoneyInput).
 */
export function parseRupiahInput(text: string): string | null {
  return parseMoneyInput(text.replace(/^\s*rp\.?\s*/i, ""));
}
