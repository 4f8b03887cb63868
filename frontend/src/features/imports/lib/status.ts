/** Where an import stands and what it offers (pure, tested in status.test.ts). */
import type { ImportStatus } from "@/api/enums.gen";
import type { Import } from "../types";

type Counts = Pick<Import, "status" | "error_count">;

/** The worker holds the import: poll it and show the progress bar. */
export function isRunning(status: ImportStatus): boolean {
  return status === "queued" || status === "processing";
}

/** The mapping may change before the first run and between runs (not while running or reverted). */
export function editsMapping(status: ImportStatus): boolean {
  return status === "staged" || status === "done" || status === "failed";
}

/**
 * An error row may be fixed in place while the mapping may change: not while the worker
 * holds the import (it would not see the fix) nor once reverted.
 */
export function fixesRows(status: ImportStatus): boolean {
  return editsMapping(status);
}

/** Nothing ran yet, a run failed, or rows were refused and may go again. */
export function canProcess({ status, error_count }: Counts): boolean {
  return status === "staged" || status === "failed" || (status === "done" && error_count > 0);
}

/** "Proses ulang" after a run left errors (or failed); "Proses" the first time. */
export function processAgain({ status, error_count }: Counts): boolean {
  return status === "failed" || (status === "done" && error_count > 0);
}

/** A run finished (successfully or not) and may have created records to undo. */
export function canRevert(status: ImportStatus): boolean {
  return status === "done" || status === "failed";
}

/**
 * Whole percent of rows processed, 0–100; an empty import is 0 until it is done.
 * A count above the total (rows re-queued while the total was read) shows 100.
 */
export function progressPercent(processed: number, total: number): number {
  if (!Number.isFinite(processed) || !Number.isFinite(total) || total <= 0) return 0;
  return Math.min(100, Math.max(0, Math.floor((processed / total) * 100)));
}
