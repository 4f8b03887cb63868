import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
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
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { useMe } from "@/features/auth/api";
import { currentLocale } from "@/i18n";
import { useErrorMessage } from "@/lib/error-message";
import { formatNumber } from "@/lib/format";
import { metricsQueryOptions } from "../api";
import { PeriodPicker } from "../components/period-picker";
import { useDeptName } from "../components/use-dept-name";
import { monthOf, periodLabel, shiftMonth } from "../lib/period";
import { useCopyTargets } from "../mutations";

const MONTH_ONLY = ["month"] as const;

/**
 * "Salin target bulan lalu" (POST kpi/targets/copy): every target of one month the
 * role may set, into another; a metric and assignee that already has one keeps it.
 */
export function CopyTargetsDialog({ today, onClose }: { today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const id = useId();
  const me = useMe();
  const errorMessage = useErrorMessage();
  const metrics = useQuery(metricsQueryOptions);
  const deptName = useDeptName();
  const copy = useCopyTargets();
  const [to, setTo] = useState(monthOf(today));
  const [from, setFrom] = useState(shiftMonth(monthOf(today), -1));
  const [dept, setDept] = useState("");
  const [error, setError] = useState<string | null>(null);
  const depts = [...new Set((metrics.data ?? []).map((m) => m.dept))];
  const same = from === to;

  const submit = () => {
    setError(null);
    copy.mutate(
      { from_period: from, to_period: to, ...(dept ? { dept } : {}) },
      {
        onSuccess: (r) => {
          toast.success(
            t("kpi.targets.copied", {
              created: formatNumber(r.created, locale),
              skipped: formatNumber(r.skipped, locale),
              to: periodLabel(to, locale),
            }),
          );
          onClose();
        },
        onError: (e) => setError(errorMessage(e)),
      },
    );
  };

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent data-testid="copy-targets-dialog">
        <DialogHeader>
          <DialogTitle>{t("kpi.targets.copyTitle")}</DialogTitle>
          <DialogDescription>{t("kpi.targets.copyBody")}</DialogDescription>
        </DialogHeader>
        <div className="flex flex-col gap-4">
          {error ? <Alert>{error}</Alert> : null}
          <PeriodPicker
            value={from}
            onChange={setFrom}
            today={today}
            kinds={MONTH_ONLY}
            label={t("kpi.targets.copyFrom")}
            testId="copy-from"
          />
          <PeriodPicker
            value={to}
            onChange={setTo}
            today={today}
            kinds={MONTH_ONLY}
            label={t("kpi.targets.copyTo")}
            testId="copy-to"
          />
          {me.role === "super_admin" ? (
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={`${id}-dept`}>{t("kpi.fields.metricDept")}</Label>
              <Select id={`${id}-dept`} value={dept} onChange={(e) => setDept(e.target.value)}>
                <option value="">{t("kpi.targets.allDepts")}</option>
                {depts.map((d) => (
                  <option key={d} value={d}>
                    {deptName(d)}
                  </option>
                ))}
              </Select>
            </div>
          ) : null}
          {same ? (
            <p className="text-xs font-medium text-danger">{t("kpi.targets.copySame")}</p>
          ) : null}
        </div>
        <DialogFooter>
          <Button type="button" variant="outline" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button onClick={submit} disabled={copy.isPending || same} data-testid="confirm-copy">
            {copy.isPending ? <Spinner /> : null}
            {t("kpi.targets.copyConfirm")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
