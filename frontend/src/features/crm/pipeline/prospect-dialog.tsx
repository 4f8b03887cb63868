import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { ClipboardList } from "lucide-react";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { z } from "zod";
import { STAGE_VALUES } from "@/api/enums.gen";
import { EnumOptions } from "@/components/form/enum-options";
import { FormField } from "@/components/form/form-field";
import { applyServerErrors } from "@/components/form/server-errors";
import { ErrorState } from "@/components/states/states";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { currentLocale } from "@/i18n";
import { useErrorMessage } from "@/lib/error-message";
import { formatDate, formatDateTime, formatIDR, formatPercent } from "@/lib/format";
import { LogActivityDialog } from "../activities/log-activity-dialog";
import { prospectQueryOptions, useUpdateProspect } from "../work-api";
import { Textarea } from "@/components/ui/textarea";
import { STAGE_LABEL, useStageLabel } from "../labels";
import { parseRupiahInput } from "../lib/money";
import type { ProspectDetail } from "../types";

/** A prospect's details, stage history and the edit form (value, close date, notes). */
export function ProspectDialog({
  prospectId,
  canEdit,
  onOpenChange,
  onMove,
}: {
  prospectId: string | null;
  canEdit: boolean;
  onOpenChange: (open: boolean) => void;
  onMove: (prospectId: string, toStage: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open={prospectId !== null} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-2xl" data-testid="prospect-dialog">
        {prospectId ? (
          <ProspectDetails id={prospectId} canEdit={canEdit} onMove={onMove} />
        ) : (
          <DialogTitle className="sr-only">{t("crm.prospect.title")}</DialogTitle>
        )}
      </DialogContent>
    </Dialog>
  );
}

function ProspectDetails({
  id,
  canEdit,
  onMove,
}: {
  id: string;
  canEdit: boolean;
  onMove: (prospectId: string, toStage: string) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const stageLabel = useStageLabel();
  const query = useQuery(prospectQueryOptions(id));
  const [logOpen, setLogOpen] = useState(false);

  if (query.isPending) {
    return (
      <>
        <DialogTitle className="sr-only">{t("crm.prospect.title")}</DialogTitle>
        <DialogDescription className="sr-only">{t("common.loading")}</DialogDescription>
        <div className="flex flex-col gap-3" aria-busy="true">
          <Skeleton className="h-6 w-2/3" />
          <Skeleton className="h-24" />
          <Skeleton className="h-40" />
        </div>
      </>
    );
  }
  if (query.error) {
    return (
      <>
        <DialogTitle className="sr-only">{t("crm.prospect.title")}</DialogTitle>
        <DialogDescription className="sr-only">{t("states.errorTitle")}</DialogDescription>
        <ErrorState error={query.error} onRetry={() => void query.refetch()} className="border-0" />
      </>
    );
  }
  const p = query.data;
  return (
    <>
      <DialogHeader>
        <DialogTitle>{p.customer_name ?? p.prospect_code}</DialogTitle>
        <DialogDescription>
          {p.prospect_code}
          {p.customer_code ? ` · ${p.customer_code}` : ""}
        </DialogDescription>
      </DialogHeader>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-3">
        <Field label={t("crm.prospect.stage")}>
          <Badge>{stageLabel(p.stage)}</Badge>{" "}
          <span className="text-xs text-muted">{formatPercent(p.probability, locale, 0)}</span>
        </Field>
        <Field label={t("crm.prospect.value")}>{formatIDR(p.expected_value, locale)}</Field>
        <Field label={t("crm.pipeline.weighted")}>{formatIDR(p.weighted_value, locale)}</Field>
        <Field label={t("crm.pipeline.closeDate")}>{formatDate(p.expected_close_date)}</Field>
        <Field label={t("crm.owner.label")}>{p.owner_name ?? "—"}</Field>
        <Field label={t("crm.prospect.service")}>{p.service_interest ?? "—"}</Field>
        {p.lost_reason ? (
          <Field label={t("crm.pipeline.lostReason")} className="col-span-full">
            {p.lost_reason}
          </Field>
        ) : null}
      </dl>

      <div className="mt-4 flex flex-wrap items-end gap-2">
        {canEdit ? (
          <div className="flex flex-col gap-1">
            <label htmlFor="prospect-stage" className="text-xs font-medium text-slate-700">
              {t("crm.pipeline.moveToShort")}
            </label>
            <Select
              id="prospect-stage"
              className="w-48"
              value={p.stage}
              onChange={(e) => onMove(p.id, e.target.value)}
            >
              <EnumOptions values={STAGE_VALUES} labels={STAGE_LABEL} />
            </Select>
          </div>
        ) : null}
        <Button variant="outline" onClick={() => setLogOpen(true)}>
          <ClipboardList aria-hidden />
          {t("crm.activities.log")}
        </Button>
      </div>

      {canEdit ? <ProspectForm prospect={p} /> : null}

      <section className="mt-6" aria-labelledby="stage-history-heading">
        <h3 id="stage-history-heading" className="mb-2 text-sm font-semibold text-navy-900">
          {t("crm.prospect.history")}
        </h3>
        {p.stage_history.length === 0 ? (
          <p className="text-sm text-muted">{t("crm.prospect.noHistory")}</p>
        ) : (
          <ol className="flex flex-col gap-2 border-l-2 border-navy-100 pl-4 text-sm">
            {[...p.stage_history].reverse().map((h, i) => (
              <li key={`${h.changed_at}-${i}`}>
                <span className="font-medium text-foreground">
                  {h.from_stage ? `${stageLabel(h.from_stage)} → ` : ""}
                  {stageLabel(h.to_stage)}
                </span>
                <span className="block text-xs text-muted">
                  {formatDateTime(h.changed_at)}
                  {h.changed_by_name ? ` · ${h.changed_by_name}` : ""}
                </span>
                {h.lost_reason ? <span className="block text-xs">{h.lost_reason}</span> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
      <LogActivityDialog
        open={logOpen}
        onOpenChange={setLogOpen}
        initial={{
          customerId: p.customer_id,
          customerName: p.customer_name ?? p.customer_code ?? p.prospect_code,
          prospectId: p.id,
        }}
      />
    </>
  );
}

function Field({
  label,
  children,
  className,
}: {
  label: string;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <div className={className}>
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="font-medium text-foreground tabular">{children}</dd>
    </div>
  );
}

const schema = z.object({
  expected_value: z
    .string()
    .refine((v) => v.trim() === "" || parseRupiahInput(v) !== null, "crm.validation.rupiah"),
  expected_close_date: z.string(),
  notes: z.string().max(4000, "validation.maxLength|4000"),
});
type Values = z.infer<typeof schema>;
const FIELDS = ["expected_value", "expected_close_date", "notes"] as const;

function ProspectForm({ prospect }: { prospect: ProspectDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const errorMessage = useErrorMessage();
  const update = useUpdateProspect();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    mode: "onTouched",
    defaultValues: {
      expected_value: String(Math.trunc(Number(prospect.expected_value)) || ""),
      expected_close_date: prospect.expected_close_date ?? "",
      notes: prospect.notes,
    },
  });
  const { errors, isDirty } = form.formState;
  const typed = useWatch({ control: form.control, name: "expected_value" });
  const parsed = parseRupiahInput(typed);

  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    update.mutate(
      {
        id: prospect.id,
        body: {
          expected_value: parseRupiahInput(values.expected_value) ?? "0.00",
          expected_close_date: values.expected_close_date,
          notes: values.notes,
        },
      },
      {
        onSuccess: (p) => {
          toast.success(t("crm.prospect.saved"));
          form.reset({
            expected_value: String(Math.trunc(Number(p.expected_value)) || ""),
            expected_close_date: p.expected_close_date ?? "",
            notes: p.notes,
          });
        },
        onError: (error) => {
          const { attached, unattached } = applyServerErrors(error, FIELDS, form.setError);
          if (!attached || unattached.length > 0)
            setFormError([errorMessage(error), ...unattached].join(" "));
        },
      },
    );
  });

  return (
    <form
      noValidate
      onSubmit={(e) => void onSubmit(e)}
      className="mt-6 flex flex-col gap-4 rounded-lg border border-border p-4"
      data-testid="prospect-form"
    >
      <h3 className="text-sm font-semibold text-navy-900">{t("crm.prospect.edit")}</h3>
      {formError ? <Alert>{formError}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          label={t("crm.prospect.value")}
          error={errors.expected_value?.message}
          hint={parsed ? formatIDR(parsed, locale) : t("crm.prospect.valueHint")}
          name="expected_value"
        >
          <Input inputMode="numeric" autoComplete="off" {...form.register("expected_value")} />
        </FormField>
        <FormField
          label={t("crm.pipeline.closeDate")}
          error={errors.expected_close_date?.message}
          name="expected_close_date"
          optional
        >
          <Input type="date" {...form.register("expected_close_date")} />
        </FormField>
      </div>
      <FormField
        label={t("crm.prospect.notes")}
        error={errors.notes?.message}
        name="notes"
        optional
      >
        <Textarea {...form.register("notes")} />
      </FormField>
      <DialogFooter className="mt-0">
        <Button type="submit" disabled={update.isPending || !isDirty}>
          {update.isPending ? <Spinner /> : null}
          {update.isPending ? t("common.saving") : t("common.save")}
        </Button>
      </DialogFooter>
    </form>
  );
}
