/**
 * Exact arithmetic on the API's decimal strings ("150000000.00") through integer cents,
 * so sums and stage weightings never go through a lossy float.
 */
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
