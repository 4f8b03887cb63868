import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { ASSIGNEE_KIND_VALUES } from "@/api/enums.gen";
import { FormField } from "@/components/form/form-field";
import { translateFieldError } from "@/components/form/field-error";
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
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { useMe } from "@/features/auth/api";
import { currentLocale } from "@/i18n";
import { parseMoneyInput } from "@/lib/money";
import { maySetTarget } from "../access";
import { metricsQueryOptions } from "../api";
import { AssigneeFields, type AssigneeValue } from "../components/assignee-fields";
import { metricName } from "../components/metric-name";
import { useDeptName } from "../components/use-dept-name";
import { formatKpiValue } from "../lib/format";
import { monthOf } from "../lib/period";
import {
  TARGET_FIELDS,
  targetSchema,
  type TargetBody,
  type TargetValues,
} from "../lib/target-schema";
import { useCreateTarget } from "../mutations";
import { useTargetErrors } from "./conflict";
import { PeriodFields } from "./period-fields";

/** A new target (POST kpi/targets): an overlap (409) is said on the period field. */
export function TargetDialog({ today, onClose }: { today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const me = useMe();
  const metrics = useQuery(metricsQueryOptions);
  const deptName = useDeptName();
  const create = useCreateTarget();
  const [formError, setFormError] = useState<string | null>(null);
  const settable = (metrics.data ?? []).filter((m) =>
    ASSIGNEE_KIND_VALUES.some((k) => maySetTarget(me.role, m.dept, k)),
  );
  const form = useForm<TargetValues, unknown, TargetBody>({
    resolver: zodResolver(targetSchema),
    mode: "onTouched",
    defaultValues: {
      metric_key: "",
      assignee_kind: me.role === "super_admin" ? "company" : "team",
      assignee_user_id: me.role === "super_admin" ? "" : me.id,
      assignee_dept: "",
      mode: "period",
      period: monthOf(today),
      period_start: "",
      period_end: "",
      target_value: "",
      note: "",
    },
  });
  const { errors } = form.formState;
  const [metricKey, kind, userId, dept, mode, period, value] = useWatch({
    control: form.control,
    name: [
      "metric_key",
      "assignee_kind",
      "assignee_user_id",
      "assignee_dept",
      "mode",
      "period",
      "target_value",
    ],
  });
  const metric = settable.find((m) => m.metric_key === metricKey);
  const kinds = ASSIGNEE_KIND_VALUES.filter((k) =>
    metric
      ? maySetTarget(me.role, metric.dept, k)
      : settable.some((m) => maySetTarget(me.role, m.dept, k)),
  );
  const onServerError = useTargetErrors(
    TARGET_FIELDS,
    mode === "period" ? "period" : "period_start",
    form.setError,
  );
  const err = (m: string | undefined) => (m ? translateFieldError(m, t) : undefined);
  const parsed = parseMoneyInput(value);

  const setAssignee = (patch: Partial<AssigneeValue>) => {
    for (const [k, v] of Object.entries(patch))
      form.setValue(k as keyof AssigneeValue, v, { shouldValidate: form.formState.isSubmitted });
  };

  const onSubmit = form.handleSubmit((body) => {
    setFormError(null);
    create.mutate(body, {
      onSuccess: () => {
        toast.success(t("kpi.targets.created"));
        onClose();
      },
      onError: (e) => setFormError(onServerError(e, metric)),
    });
  });

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="max-w-2xl" data-testid="target-dialog">
        <DialogHeader>
          <DialogTitle>{t("kpi.targets.newTitle")}</DialogTitle>
          <DialogDescription>{t("kpi.targets.newBody")}</DialogDescription>
        </DialogHeader>
        <form noValidate className="flex flex-col gap-4" onSubmit={(e) => void onSubmit(e)}>
          {formError ? <Alert data-testid="target-form-error">{formError}</Alert> : null}
          <FormField
            label={t("kpi.fields.metric")}
            error={err(errors.metric_key?.message)}
            hint={metric ? t("kpi.targets.metricHint", { formula: metric.formula }) : undefined}
            name="metric_key"
          >
            <Select data-testid="target-metric" {...form.register("metric_key")}>
              <option value="">{t("kpi.fields.chooseMetric")}</option>
              {[...new Set(settable.map((m) => m.dept))].map((d) => (
                <optgroup key={d} label={deptName(d)}>
                  {settable
                    .filter((m) => m.dept === d)
                    .map((m) => (
                      <option key={m.metric_key} value={m.metric_key}>
                        {metricName(m, locale)}
                      </option>
                    ))}
                </optgroup>
              ))}
            </Select>
          </FormField>
          <AssigneeFields
            value={{ assignee_kind: kind, assignee_user_id: userId, assignee_dept: dept }}
            onChange={setAssignee}
            kinds={kinds}
            errors={{
              assignee_kind: err(errors.assignee_kind?.message),
              assignee_user_id: err(errors.assignee_user_id?.message),
              assignee_dept: err(errors.assignee_dept?.message),
            }}
          />
          <PeriodFields form={form} mode={mode} period={period} today={today} />
          <div className="grid gap-4 sm:grid-cols-2">
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
            <FormField
              label={t("kpi.fields.note")}
              error={errors.note?.message}
              name="note"
              optional
            >
              <Textarea rows={2} {...form.register("note")} />
            </FormField>
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" disabled={create.isPending} data-testid="save-target">
              {create.isPending ? <Spinner /> : null}
              {create.isPending ? t("common.saving") : t("common.save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
