/**
 * The preview of `POST kpi/targets/{id}/split`: a sum metric's value shared over the
 * months evenly or by weights, to the cent, the cents left over going one each to the
 * first months with a weight (so the parts sum to the whole, as the server does); any
 * other metric keeps its value every month.
 */
import { fromCents, toCents } from "@/lib/money";

/** Weights as typed (`"1"`, `"2"`, …): whole numbers ≥ 0, not all 0; null otherwise. */
export function parseWeights(texts: readonly string[]): number[] | null {
  const weights = texts.map((t) => (/^\d{1,6}$/.test(t.trim()) ? Number(t.trim()) : NaN));
  if (weights.some(Number.isNaN) || !weights.some((w) => w > 0)) return null;
  return weights;
}

export function splitPreview(
  value: string,
  months: number,
  weights: readonly number[] | null,
  sum: boolean,
): string[] {
  const w: bigint[] =
    weights && weights.length === months
      ? weights.map((x) => BigInt(x))
      : Array.from({ length: months }, () => 1n);
  if (!sum) return w.map(() => fromCents(toCents(value)));
  const total = w.reduce((a, b) => a + b, 0n);
  if (total === 0n) return [];
  const whole = toCents(value);
  const parts = w.map((x) => (whole * x) / total);
  let rest = whole - parts.reduce((a, b) => a + b, 0n);
  for (let i = 0; i < parts.length && rest > 0n; i += 1) {
    if ((w[i] ?? 0n) > 0n) {
      parts[i] = (parts[i] ?? 0n) + 1n;
      rest -= 1n;
    }
  }
  return parts.map((p) => fromCents(p));
}
