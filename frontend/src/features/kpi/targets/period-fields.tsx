import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { UseFormReturn } from "react-hook-form";
import { FormField } from "@/components/form/form-field";
import { translateFieldError } from "@/components/form/field-error";
import { FormDay } from "@/components/form/form-day";
import { PeriodPicker } from "../components/period-picker";
import type { TargetBody, TargetValues } from "../lib/target-schema";

/**
 * A target's days: a whole period (month, quarter, year) or two days. The period's error
 * (an overlap with another target included) sits right under the picker.
 */
export function PeriodFields({
  form,
  mode,
  period,
  today,
}: {
  form: UseFormReturn<TargetValues, unknown, TargetBody>;
  mode: string;
  period: string;
  today: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { errors } = form.formState;
  const periodError = errors.period?.message;
  return (
    <div className="flex flex-col gap-3 rounded-lg border border-border bg-slate-50 p-3">
      <div
        role="radiogroup"
        aria-label={t("kpi.targets.periodMode")}
        className="flex flex-wrap gap-4"
      >
        {(["period", "range"] as const).map((m) => (
          <label key={m} className="inline-flex items-center gap-2 text-sm">
            <input
              type="radio"
              value={m}
              data-testid={`period-mode-${m}`}
              {...form.register("mode")}
            />
            {t(`kpi.targets.modes.${m}`)}
          </label>
        ))}
      </div>
      {mode === "period" ? (
        <div data-field="period">
          <div aria-describedby={periodError ? `${id}-error` : undefined}>
            <PeriodPicker
              value={period}
              today={today}
              testId="target-period"
              label={t("kpi.period.label")}
              onChange={(p) => {
                form.setValue("period", p);
                form.clearErrors("period");
              }}
            />
          </div>
          {periodError ? (
            <p
              id={`${id}-error`}
              role="alert"
              className="mt-1.5 text-xs font-medium text-danger"
              data-testid="error-period"
            >
              {translateFieldError(periodError, t)}
            </p>
          ) : null}
        </div>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField
            label={t("kpi.fields.periodStart")}
            error={errors.period_start?.message}
            name="period_start"
          >
            <FormDay control={form.control} name="period_start" data-testid="target-start" />
          </FormField>
          <FormField
            label={t("kpi.fields.periodEnd")}
            error={errors.period_end?.message}
            name="period_end"
          >
            <FormDay control={form.control} name="period_end" data-testid="target-end" />
          </FormField>
        </div>
      )}
    </div>
  );
}
