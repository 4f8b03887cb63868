import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
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
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { currentLocale } from "@/i18n";
import { useEnumLabel } from "@/lib/enums";
import { formatNumber } from "@/lib/format";
import { metricsQueryOptions } from "../api";
import { useDeptName } from "../components/use-dept-name";
import { PERIOD_KIND_LABEL } from "../labels";
import { endedPeriods, isEnded } from "../lib/close";
import { periodLabel, PERIOD_KINDS } from "../lib/period";
import { useClosePeriod } from "../mutations";
import { useCloseErrors, type FieldErrors } from "./close-errors";

const FIELDS = ["period", "dept"] as const;

/**
 * "Tutup periode" (POST kpi/periods/close): a period that has ended and, for super
 * admin, the department (a manager closes their own). Already closed (409) and the
 * server's 422 details are said on the fields.
 */
export function ClosePeriodDialog({
  today,
  fixedDept,
  initial,
  onClose,
}: {
  today: string;
  /** The manager's department; null: super admin picks one. */
  fixedDept: string | null;
  /** Closing a reopened period again: its period and department. */
  initial?: { period: string; dept: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const deptName = useDeptName();
  const kindLabel = useEnumLabel(PERIOD_KIND_LABEL);
  const metrics = useQuery(metricsQueryOptions);
  const close = useClosePeriod();
  const onServerError = useCloseErrors(FIELDS, "kpi.closes.alreadyClosed");
  const offered = endedPeriods(today);
  const [period, setPeriod] = useState(initial?.period ?? offered.month[0] ?? "");
  const [dept, setDept] = useState(fixedDept ?? initial?.dept ?? "");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const depts = [...new Set((metrics.data ?? []).map((m) => m.dept))];
  if (initial && !depts.includes(initial.dept)) depts.push(initial.dept);
  const listed = PERIOD_KINDS.some((k) => offered[k].includes(period));

  const submit = () => {
    const local: FieldErrors = {};
    if (!isEnded(period, today)) local.period = "kpi.validation.ended";
    if (!dept) local.dept = "kpi.validation.dept";
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length > 0) return;
    close.mutate(
      { period, dept },
      {
        onSuccess: (c) => {
          toast.success(
            t("kpi.closes.closedToast", {
              period: periodLabel(c.period, locale),
              dept: deptName(c.dept),
              revision: c.revision,
              values: formatNumber(c.values, locale),
            }),
          );
          onClose();
        },
        onError: (e) => {
          const r = onServerError(e);
          setErrors(r.fields);
          setFormError(r.form);
        },
      },
    );
  };

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent data-testid="close-period-dialog">
        <DialogHeader>
          <DialogTitle>{t("kpi.closes.closeTitle")}</DialogTitle>
          <DialogDescription>{t("kpi.closes.closeBody")}</DialogDescription>
        </DialogHeader>
        <form
          noValidate
          className="flex flex-col gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          {formError ? <Alert data-testid="close-form-error">{formError}</Alert> : null}
          <FormField
            label={t("kpi.period.label")}
            hint={t("kpi.closes.periodHint")}
            error={errors.period}
            name="period"
          >
            <Select
              value={period}
              onChange={(e) => {
                setPeriod(e.target.value);
                setErrors((x) => ({ ...x, period: undefined }));
              }}
              data-testid="close-period"
            >
              {listed ? null : <option value={period}>{periodLabel(period, locale)}</option>}
              {PERIOD_KINDS.map((kind) => (
                <optgroup key={kind} label={kindLabel(kind)}>
                  {offered[kind].map((p) => (
                    <option key={p} value={p}>
                      {periodLabel(p, locale)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </Select>
          </FormField>
          {fixedDept ? (
            <FormField label={t("kpi.closes.fixedDept")} error={errors.dept} name="dept">
              <Input value={deptName(fixedDept)} readOnly data-testid="close-dept-fixed" />
            </FormField>
          ) : (
            <FormField label={t("kpi.fields.metricDept")} error={errors.dept} name="dept">
              <Select
                value={dept}
                onChange={(e) => {
                  setDept(e.target.value);
                  setErrors((x) => ({ ...x, dept: undefined }));
                }}
                data-testid="close-dept"
              >
                <option value="">{t("kpi.fields.chooseDept")}</option>
                {depts.map((d) => (
                  <option key={d} value={d}>
                    {deptName(d)}
                  </option>
                ))}
              </Select>
            </FormField>
          )}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" disabled={close.isPending} data-testid="confirm-close-period">
              {close.isPending ? <Spinner /> : null}
              {t("kpi.closes.closeConfirm")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
