/** Cells and server messages shown in the user's language (pure, tested in text.test.ts). */
import type { AppLocale } from "@/lib/format";
import type { CellValue, ImportField, RowProblem } from "../types";

/** A staged cell as written: text as is, numbers as the sheet stored them, empty as "". */
export function cellText(cell: CellValue | null | undefined): string {
  return cell === null || cell === undefined ? "" : String(cell);
}

/** A row problem in the user's language (the other one when that is empty). */
export function problemText(problem: RowProblem, locale: AppLocale): string {
  const [first, second] =
    locale === "id"
      ? [problem.message_id, problem.message_en]
      : [problem.message_en, problem.message_id];
  return first.trim() || second;
}

/**
 * Upload refusals come as "English — Indonesian" in one message: the half in the
 * user's language. Any other message is returned whole.
 */
export function messageIn(message: string, locale: AppLocale): string {
  const parts = message.split(" — ");
  if (parts.length !== 2) return message;
  const [en = "", id = ""] = parts;
  return (locale === "id" ? id : en).trim() || message;
}

/** A module field's name and help in the user's language. */
export function fieldLabel(
  field: Pick<ImportField, "label_id" | "label_en">,
  locale: AppLocale,
): string {
  return locale === "id" ? field.label_id : field.label_en;
}

export function fieldHelp(
  field: Pick<ImportField, "help_id" | "help_en">,
  locale: AppLocale,
): string {
  return locale === "id" ? field.help_id : field.help_en;
}
