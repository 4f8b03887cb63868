import { useTranslation } from "react-i18next";
import { isApiError } from "@/api/errors";
import { applyServerErrors } from "@/components/form/server-errors";
import { useErrorMessage } from "@/lib/error-message";

export type CloseField = "period" | "dept" | "reason";
export type FieldErrors = Partial<Record<CloseField, string>>;

/**
 * A failed close or reopen on its form: 422 `details` next to their fields (period,
 * department, reason); a 409 (`conflict`: already closed / not closed) on the period
 * when the form has it, else as the form's message; the rest (403, …) as the form's message.
 * Returns the field errors and the form's message (null when everything was attached).
 */
export function useCloseErrors(
  fields: readonly CloseField[],
  conflict: "kpi.closes.alreadyClosed" | "kpi.closes.notClosed",
): (error: unknown) => { fields: FieldErrors; form: string | null } {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  return (error) => {
    const out: FieldErrors = {};
    const set = (name: CloseField, e: { message: string }) => {
      out[name] = e.message;
    };
    if (isApiError(error) && error.status === 409) {
      const message = t(conflict);
      if (fields.includes("period")) return { fields: { period: message }, form: null };
      return { fields: {}, form: message };
    }
    const { attached, unattached } = applyServerErrors(error, fields, set);
    const form =
      !attached || unattached.length > 0 ? [errorMessage(error), ...unattached].join(" ") : null;
    return { fields: out, form };
  };
}
