/**
 * Flat, human-readable URL search params for the router: every value is a plain
 * string (`?page=2&sort=-created_at&role=salesperson`), and typing happens in each
 * route's validateSearch. Undefined, null and empty values are left out.
 */
export function parseSearchParams(search: string): Record<string, string> {
  const params = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  const out: Record<string, string> = {};
  for (const [k, v] of params) out[k] = v;
  return out;
}

export function stringifySearchParams(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(search)) {
    if (v === undefined || v === null || v === "") continue;
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") {
      params.set(k, String(v));
    } else {
      params.set(k, JSON.stringify(v));
    }
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** Keeps only the listed keys as strings (a route's validateSearch). */
export function pickStringParams<K extends string>(
  search: Record<string, unknown>,
  keys: readonly K[],
): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const k of keys) {
    const v = search[k];
    if (typeof v === "string" && v !== "") out[k] = v;
    else if (typeof v === "number" || typeof v === "boolean") out[k] = String(v);
  }
  return out;
}
