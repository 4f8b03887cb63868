/**
 * The mapping editor's rules, checked as the user edits (the server checks again on
 * save and may add module rules of its own): each field at most once, every required
 * field mapped, only the module's fields. Pure, tested in mapping.test.ts.
 */
import type { ImportField, Mapping } from "../types";

export type MappingProblem =
  | { kind: "duplicate"; field: string; columns: number[] }
  | { kind: "missing"; field: string }
  | { kind: "unknown"; field: string; column: number };

/** One entry per header column: the mapping cut or padded with nulls ("ignore"). */
export function fitMapping(mapping: readonly (string | null)[], columns: number): Mapping {
  return Array.from({ length: columns }, (_, i) => mapping[i] ?? null);
}

/** Every problem of `mapping` against the module's `fields`; columns are 1-based. */
export function mappingProblems(
  fields: readonly Pick<ImportField, "key" | "required">[],
  mapping: readonly (string | null)[],
): MappingProblem[] {
  const known = new Set(fields.map((f) => f.key));
  const columnsOf = new Map<string, number[]>();
  const problems: MappingProblem[] = [];
  mapping.forEach((key, index) => {
    if (!key) return;
    if (!known.has(key)) {
      problems.push({ kind: "unknown", field: key, column: index + 1 });
      return;
    }
    columnsOf.set(key, [...(columnsOf.get(key) ?? []), index + 1]);
  });
  for (const [field, columns] of columnsOf) {
    if (columns.length > 1) problems.push({ kind: "duplicate", field, columns });
  }
  for (const f of fields) {
    if (f.required && !columnsOf.has(f.key)) problems.push({ kind: "missing", field: f.key });
  }
  return problems;
}

export function sameMapping(a: readonly (string | null)[], b: readonly (string | null)[]): boolean {
  return a.length === b.length && a.every((key, i) => (key ?? null) === (b[i] ?? null));
}
