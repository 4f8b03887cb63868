/**
 * A decimal typed by a person the Indonesian way: `.` groups thousands and `,` marks
 * decimals (`1.500.000,50`, `12,5`, `1500`). A lone `.` followed by one or two digits
 * (`12.5`) is read as a decimal point too, as phones and spreadsheets type it. Null
 * for anything else (letters, several commas, a misplaced group) rather than a guess.
 */
export function parseDecimalInput(text: string): number | null {
  const s = text.trim().replace(/\s/g, "");
  if (s === "") return null;
  let normalized: string;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s) || /^\d+(,\d+)?$/.test(s)) {
    normalized = s.replace(/\./g, "").replace(",", ".");
  } else if (/^\d+\.\d{1,2}$/.test(s)) {
    normalized = s;
  } else {
    return null;
  }
  const n = Number(normalized);
  return Number.isFinite(n) ? n : null;
}
