/** CSV alternatives of the charts: exact values (decimal strings untouched), one row per datum. */
import { downloadCsv, toCsv } from "@/components/data-table/export";

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
}

export function buildCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  return toCsv(
    columns.map((c) => c.header),
    rows.map((r) => columns.map((c) => c.value(r))),
  );
}

/** `forecast_2026-11-01_2027-04-30.csv`: only safe characters in file names. */
export function csvFileName(base: string, ...parts: (string | undefined)[]): string {
  const name = [base, ...parts.filter((p): p is string => Boolean(p))]
    .join("_")
    .replace(/[^a-zA-Z0-9_.-]+/g, "-");
  return `${name}.csv`;
}

export function downloadRowsCsv<T>(
  filename: string,
  columns: readonly CsvColumn<T>[],
  rows: readonly T[],
): void {
  downloadCsv(filename, buildCsv(columns, rows));
}
