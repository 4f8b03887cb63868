import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { ASSIGNEE_KIND_VALUES } from "@/api/enums.gen";
import { isApiError } from "@/api/errors";
import { FormField } from "@/components/form/form-field";
import { translateFieldError } from "@/components/form/field-error";
import { applyServerErrors } from "@/components/form/server-errors";
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
import { FormDay } from "@/components/form/form-day";
import { currentLocale } from "@/i18n";
import { useErrorMessage } from "@/lib/error-message";
import { parseMoneyInput } from "@/lib/money";
import { newIdempotencyKey } from "@/lib/utils";
import { entryRights } from "../access";
import { AssigneeFields, type AssigneeValue } from "../components/assignee-fields";
import { metricName } from "../components/metric-name";
import { ENTRY_FIELDS, entrySchema, type EntryBody, type EntryValues } from "../lib/entry-schema";
import { formatKpiValue } from "../lib/format";
import { useCreateEntry } from "../mutations";
import { EvidenceField } from "./evidence-field";
import { useEnterableMetrics } from "./use-enterable-metrics";

/** A value of a MANUAL/IMPORTED metric for a day, with optional evidence (POST kpi/entries). */
export function EntryDialog({ today, onClose }: { today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const me = useMe();
  const errorMessage = useErrorMessage();
  const metrics = useEnterableMetrics();
  const create = useCreateEntry();
  const schema = useMemo(() => entrySchema(today), [today]);
  const [formError, setFormError] = useState<string | null>(null);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const form = useForm<EntryValues, unknown, EntryBody>({
    resolver: zodResolver(schema),
    mode: "onTouched",
    defaultValues: {
      metric_key: metrics[0]?.metric_key ?? "",
      assignee_kind: "user",
      assignee_user_id: me.id,
      assignee_dept: "",
      entry_date: today,
      value: "",
      note: "",
      evidence_file_id: "",
    },
  });
  const { errors } = form.formState;
  const [metricKey, kind, userId, dept, value] = useWatch({
    control: form.control,
    name: ["metric_key", "assignee_kind", "assignee_user_id", "assignee_dept", "value"],
  });
  const metric = metrics.find((m) => m.metric_key === metricKey);
  const rights = metric ? entryRights(me, metric.dept) : "self";
  const parsed = parseMoneyInput(value);
  const err = (m: string | undefined) => (m ? translateFieldError(m, t) : undefined);

  const setAssignee = (patch: Partial<AssigneeValue>) => {
    for (const [k, v] of Object.entries(patch)) form.setValue(k as keyof AssigneeValue, v);
  };

  const onSubmit = form.handleSubmit((body) => {
    setFormError(null);
    // Only managers enter values for others: anyone else enters their own.
    const own =
      rights === "self"
        ? { ...body, assignee_kind: "user" as const, assignee_user_id: me.id }
        : body;
    create.mutate(
      { body: own, idempotencyKey },
      {
        onSuccess: () => {
          toast.success(t("kpi.entries.created"));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error) && error.status !== 0) setIdempotencyKey(newIdempotencyKey());
          const { attached, unattached } = applyServerErrors(error, ENTRY_FIELDS, form.setError);
          if (!attached || unattached.length > 0)
            setFormError([errorMessage(error), ...unattached].join(" "));
        },
      },
    );
  });

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="max-w-2xl" data-testid="entry-dialog">
        <DialogHeader>
          <DialogTitle>{t("kpi.entries.newTitle")}</DialogTitle>
          <DialogDescription>{t("kpi.entries.newBody")}</DialogDescription>
        </DialogHeader>
        <form noValidate className="flex flex-col gap-4" onSubmit={(e) => void onSubmit(e)}>
          {formError ? <Alert data-testid="entry-form-error">{formError}</Alert> : null}
          <FormField
            label={t("kpi.fields.metric")}
            error={err(errors.metric_key?.message)}
            hint={metric ? metric.formula : undefined}
            name="metric_key"
          >
            <Select data-testid="entry-metric" {...form.register("metric_key")}>
              <option value="">{t("kpi.fields.chooseMetric")}</option>
              {metrics.map((m) => (
                <option key={m.metric_key} value={m.metric_key}>
                  {metricName(m, locale)}
                </option>
              ))}
            </Select>
          </FormField>
          {rights === "any" ? (
            <AssigneeFields
              value={{ assignee_kind: kind, assignee_user_id: userId, assignee_dept: dept }}
              onChange={setAssignee}
              kinds={ASSIGNEE_KIND_VALUES}
              errors={{
                assignee_kind: err(errors.assignee_kind?.message),
                assignee_user_id: err(errors.assignee_user_id?.message),
                assignee_dept: err(errors.assignee_dept?.message),
              }}
            />
          ) : (
            <p className="text-sm text-muted">{t("kpi.entries.forSelf", { name: me.full_name })}</p>
          )}
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField
              label={t("kpi.fields.entryDate")}
              error={errors.entry_date?.message}
              name="entry_date"
            >
              <FormDay
                control={form.control}
                name="entry_date"
                max={today}
                data-testid="entry-date"
              />
            </FormField>
            <FormField
              label={t("kpi.fields.value")}
              error={errors.value?.message}
              hint={
                parsed && metric
                  ? formatKpiValue(parsed, metric.unit, locale)
                  : t("kpi.fields.valueHint")
              }
              name="value"
            >
              <NumberInput data-testid="entry-value" {...form.register("value")} />
            </FormField>
          </div>
          <FormField label={t("kpi.fields.note")} error={errors.note?.message} name="note" optional>
            <Textarea rows={2} {...form.register("note")} />
          </FormField>
          <EvidenceField
            onUploaded={(id) => form.setValue("evidence_file_id", id)}
            error={err(errors.evidence_file_id?.message)}
          />
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button
              type="submit"
              disabled={create.isPending || metrics.length === 0}
              data-testid="save-entry"
            >
              {create.isPending ? <Spinner /> : null}
              {create.isPending ? t("common.saving") : t("common.save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
