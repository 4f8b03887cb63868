/**
 * A decimal typed by a person the Indonesian way: `.` groups thousands and `,` marks
 * decimals (`1.500.000,50`, `12,5`, `1500`). A lone `.` followed by one or two digits
 * (`12.5`) is read as a decimal point too, as phones and spreadsheets type it. Null
 * for anything else (letters, several commas, a misplaced group) rather than a guess.
 *
 * `parseDecimalText` keeps the value as a plain decimal string (`"1500000.50"`), for
 * money that must never pass through a float; `parseDecimalInput` gives a number.
 */
export function parseDecimalText(text: string): string | null {
  const s = text.trim().replace(/\s/g, "");
  if (s === "") return null;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s) || /^\d+(,\d+)?$/.test(s)) {
    return s.replace(/\./g, "").replace(",", ".");
  }
  if (/^\d+\.\d{1,2}$/.test(s)) return s;
  return null;
}

export function parseDecimalInput(text: string): number | null {
  const normalized = parseDecimalText(text);
  if (normalized === null) return null;
  const n = Number(normalized);
  return Number.isFinite(n) ? n : null;
}

/**
 * A decimal string (`"1500000.50"`) written back into an input the Indonesian way
 * (`1.500.000,50`); whole amounts drop their `,00`. What parseDecimalText reads back.
 */
export function formatDecimalInput(decimal: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal.trim());
  if (!m) return decimal;
  const int = (m[2] ?? "0").replace(/^0+(?=\d)/, "").replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const frac = (m[3] ?? "").replace(/0+$/, "");
  return `${m[1] ?? ""}${int}${frac ? `,${frac.length === 1 ? `${frac}0` : frac}` : ""}`;
}
