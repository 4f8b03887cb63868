import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { FormField } from "@/components/form/form-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { NumberInput } from "@/components/form/number-input";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { FormDay } from "@/components/form/form-day";
import { currentLocale } from "@/i18n";
import { formatDecimalInput } from "@/lib/number-input";
import { parseMoneyInput } from "@/lib/money";
import { metricName } from "../components/metric-name";
import { formatKpiValue } from "../lib/format";
import {
  TARGET_PATCH_FIELDS,
  targetPatchSchema,
  type TargetPatchValues,
} from "../lib/target-schema";
import { useUpdateTarget } from "../mutations";
import type { Metric, Target } from "../types";
import { useTargetErrors } from "./conflict";

/** Changes a target's days, value or note (PATCH kpi/targets/{id}); overlaps are said on the days. */
export function EditTargetDialog({
  target,
  metric,
  assignee,
  onClose,
}: {
  target: Target;
  metric: Metric | undefined;
  /** Whom it is for, in words. */
  assignee: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const update = useUpdateTarget();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(targetPatchSchema),
    mode: "onTouched",
    defaultValues: {
      period_start: target.period_start,
      period_end: target.period_end,
      target_value: formatDecimalInput(target.target_value),
      note: target.note,
    } satisfies TargetPatchValues,
  });
  const { errors } = form.formState;
  const value = useWatch({ control: form.control, name: "target_value" });
  const parsed = parseMoneyInput(value);
  const onServerError = useTargetErrors(TARGET_PATCH_FIELDS, "period_start", form.setError);

  const onSubmit = form.handleSubmit((body) => {
    setFormError(null);
    update.mutate(
      { id: target.id, body },
      {
        onSuccess: () => {
          toast.success(t("kpi.targets.updated"));
          onClose();
        },
        onError: (e) => setFormError(onServerError(e, metric)),
      },
    );
  });

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="max-w-xl" data-testid="edit-target-dialog">
        <DialogHeader>
          <DialogTitle>{t("kpi.targets.editTitle")}</DialogTitle>
          <DialogDescription>
            {metric ? metricName(metric, locale) : target.metric_key} · {assignee}
          </DialogDescription>
        </DialogHeader>
        <form noValidate className="flex flex-col gap-4" onSubmit={(e) => void onSubmit(e)}>
          {formError ? <Alert>{formError}</Alert> : null}
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
          <FormField
            label={t("kpi.fields.targetValue")}
            error={errors.target_value?.message}
            hint={
              parsed && metric
                ? formatKpiValue(parsed, metric.unit, locale)
                : t("kpi.fields.valueHint")
            }
            name="target_value"
          >
            <NumberInput data-testid="target-value" {...form.register("target_value")} />
          </FormField>
          <FormField label={t("kpi.fields.note")} error={errors.note?.message} name="note" optional>
            <Textarea rows={2} {...form.register("note")} />
          </FormField>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" disabled={update.isPending} data-testid="save-target">
              {update.isPending ? <Spinner /> : null}
              {update.isPending ? t("common.saving") : t("common.save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
