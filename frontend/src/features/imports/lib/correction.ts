/** Fixing an error row in place: the dialog's inputs and the cells sent back (pure, tested in correction.test.ts). */
import { isApiError } from "@/api/errors";
import type { CellValue, RowCells } from "../types";
import { cellText } from "./text";

/** One input per header column, prefilled with the row's cell as written. */
export function cellInputs(cells: readonly (CellValue | null)[], width: number): string[] {
  return Array.from({ length: width }, (_, i) => cellText(cells[i]));
}

/**
 * The cells of a correction, one per header column: a cell whose input is untouched
 * goes back as it was (a number stays a number), an emptied input is null, anything
 * typed goes as written (`1.500.000`, `28/02/2026`): the server reads it as it reads
 * an upload.
 */
export function correctedCells(
  cells: readonly (CellValue | null)[],
  inputs: readonly string[],
): RowCells {
  return inputs.map((input, i) => {
    const before = cells[i] ?? null;
    if (input === cellText(before)) return before;
    return input.trim() === "" ? null : input;
  });
}

/** True when an input differs from the cell it was prefilled with. */
export function changedCells(
  cells: readonly (CellValue | null)[],
  inputs: readonly string[],
): boolean {
  return inputs.some((input, i) => input !== cellText(cells[i]));
}

export type FixRefusal =
  { kind: "gone" } | { kind: "refused"; reasons: string[] } | { kind: "other"; error: unknown };

/**
 * A refused correction for people: 404 means the row can no longer change (a run
 * settled it, a run holds the import, or it is out of sight); 422 carries the reasons
 * (more cells than columns). Anything else is left to the app's error messages.
 */
export function fixRefusal(error: unknown): FixRefusal {
  if (!isApiError(error)) return { kind: "other", error };
  if (error.status === 404) return { kind: "gone" };
  if (error.status === 422) {
    const reasons = Object.values(error.details).flat();
    return { kind: "refused", reasons: reasons.length > 0 ? reasons : [error.message] };
  }
  return { kind: "other", error };
}
