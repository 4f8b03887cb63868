/** What the upload box takes, and why the server refused a file (pure, tested in upload.test.ts). */
import { isApiError } from "@/api/errors";
import type { AppLocale } from "@/lib/format";
import { messageIn } from "./text";

/** The spreadsheets the server reads. */
export const ACCEPT = ".xlsx,.xls,.csv";

export function isSpreadsheetName(name: string): boolean {
  return /\.(xlsx|xls|csv)$/i.test(name.trim());
}

export type UploadRefusal =
  { kind: "too_large" } | { kind: "refused"; reason: string } | { kind: "other"; error: unknown };

/**
 * A failed upload for people: 413 is "too large"; a 422 carries the reason per field
 * (`file`: not a spreadsheet, empty, no header, too many rows; `module`), in the
 * user's language when the server sent both.
 */
export function uploadRefusal(error: unknown, locale: AppLocale): UploadRefusal {
  if (!isApiError(error)) return { kind: "other", error };
  if (error.status === 413) return { kind: "too_large" };
  if (error.status === 422) {
    const reasons = [...(error.details.file ?? []), ...(error.details.module ?? [])];
    if (reasons.length > 0) {
      return { kind: "refused", reason: reasons.map((r) => messageIn(r, locale)).join(" ") };
    }
  }
  return { kind: "other", error };
}
