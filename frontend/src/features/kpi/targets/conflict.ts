import { useTranslation } from "react-i18next";
import { currentLocale } from "@/i18n";
import { formatDate } from "@/lib/format";
import { applyServerErrors } from "@/components/form/server-errors";
import { useErrorMessage } from "@/lib/error-message";
import { formatKpiValue } from "../lib/format";
import { isTargetConflict } from "../mutations";
import type { Metric } from "../types";

type SetError<F extends string> = (name: F, error: { type: string; message: string }) => void;

/**
 * A failed target write on the form: a 409 (overlap) goes on the period field with the
 * conflicting target's days and value; other `details` next to their fields; the rest
 * (403, …) as the form's message. Returns that message, or null.
 */
export function useTargetErrors<F extends string>(
  fields: readonly F[],
  periodField: NoInfer<F>,
  setError: SetError<F>,
): (error: unknown, metric: Metric | undefined) => string | null {
  const { t } = useTranslation();
  const locale = currentLocale();
  const errorMessage = useErrorMessage();
  return (error, metric) => {
    if (isTargetConflict(error)) {
      const other = error.conflicting;
      const message = other
        ? t("kpi.targets.conflict", {
            from: formatDate(other.period_start),
            to: formatDate(other.period_end),
            value: formatKpiValue(other.target_value, metric?.unit ?? "count", locale),
          })
        : t("kpi.targets.conflictHidden");
      setError(periodField, { type: "server", message });
      return null;
    }
    const { attached, unattached } = applyServerErrors(error, fields, setError);
    return !attached || unattached.length > 0
      ? [errorMessage(error), ...unattached].join(" ")
      : null;
  };
}
