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
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { currentLocale } from "@/i18n";
import { useDeptName } from "../components/use-dept-name";
import { periodLabel } from "../lib/period";
import { useReopenPeriod } from "../mutations";
import { useCloseErrors, type FieldErrors } from "./close-errors";

const FIELDS = ["reason"] as const;
/** The API's bounds of a reason. */
const REASON_MIN = 3;
const REASON_MAX = 1000;

/**
 * "Buka kembali" (POST kpi/periods/reopen): the reason is required (3–1000 characters);
 * the close stays as history and closing again makes the next revision.
 */
export function ReopenPeriodDialog({
  close,
  onClose,
}: {
  close: { period: string; dept: string; revision: number };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const deptName = useDeptName();
  const reopen = useReopenPeriod();
  const onServerError = useCloseErrors(FIELDS, "kpi.closes.notClosed");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const names = { period: periodLabel(close.period, locale), dept: deptName(close.dept) };

  const submit = () => {
    const text = reason.trim();
    setFormError(null);
    if (text.length < REASON_MIN) {
      setErrors({ reason: "kpi.validation.reason" });
      return;
    }
    setErrors({});
    reopen.mutate(
      { period: close.period, dept: close.dept, reason: text },
      {
        onSuccess: () => {
          toast.success(t("kpi.closes.reopenedToast", names));
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
      <DialogContent data-testid="reopen-period-dialog">
        <DialogHeader>
          <DialogTitle>{t("kpi.closes.reopenTitle")}</DialogTitle>
          <DialogDescription>
            {t("kpi.closes.reopenBody", { ...names, revision: close.revision })}
          </DialogDescription>
        </DialogHeader>
        <form
          noValidate
          className="flex flex-col gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          {formError ? <Alert data-testid="reopen-form-error">{formError}</Alert> : null}
          <FormField
            label={t("kpi.closes.reason")}
            hint={t("kpi.closes.reasonHint")}
            error={errors.reason}
            name="reason"
          >
            <Textarea
              rows={3}
              value={reason}
              maxLength={REASON_MAX}
              required
              onChange={(e) => {
                setReason(e.target.value);
                setErrors({});
              }}
              data-testid="reopen-reason"
            />
          </FormField>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" disabled={reopen.isPending} data-testid="confirm-reopen-period">
              {reopen.isPending ? <Spinner /> : null}
              {t("kpi.closes.reopenConfirm")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
