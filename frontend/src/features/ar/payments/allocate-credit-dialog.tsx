import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { isApiError } from "@/api/errors";
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
import { Spinner } from "@/components/ui/spinner";
import { currentLocale } from "@/i18n";
import { useErrorMessage } from "@/lib/error-message";
import { formatIDR } from "@/lib/format";
import { toCents } from "@/lib/money";
import { openInvoicesQueryOptions } from "../api";
import { draftAllocations, fifoPreview, mapAllocationErrors } from "../lib/allocation";
import { useAllocatePayment } from "../mutations";
import type { Payment } from "../types";
import { AllocationEditor } from "./allocation-editor";
import { creditSchema, emptyCredit, type CreditBody, type CreditValues } from "./credit-schema";

/**
 * "Alokasikan sisa": applies what is left of a payment (the customer's credit) to the
 * customer's open invoices, FIFO or typed per invoice, with the allocation editor and
 * the payment's unapplied amount as the budget. Writers only (the page hides it).
 */
export function AllocateCreditDialog({
  payment,
  onClose,
}: {
  payment: Payment;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const errorMessage = useErrorMessage();
  const allocate = useAllocatePayment(payment.id);
  const open = useQuery(openInvoicesQueryOptions(payment.customer_id));
  const rows = open.data ?? [];
  const budget = payment.unapplied;
  const [formError, setFormError] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [summaryErrors, setSummaryErrors] = useState<string[]>([]);
  const form = useForm<CreditValues, unknown, CreditBody>({
    resolver: zodResolver(creditSchema(budget, rows)),
    defaultValues: emptyCredit,
  });
  const [mode, texts] = useWatch({ control: form.control, name: ["mode", "texts"] });
  const preview = fifoPreview(toCents(budget), rows);
  const draft = draftAllocations(budget, rows, texts);
  const modeError = form.formState.errors.mode?.message;

  const onSubmit = form.handleSubmit((body) => {
    setFormError(null);
    setRowErrors({});
    setSummaryErrors([]);
    allocate.mutate(body, {
      onSuccess: (p) => {
        toast.success(
          t("ar.credit.done", {
            code: p.payment_code,
            allocated: formatIDR(p.allocated, locale),
            credit: formatIDR(p.unapplied, locale),
          }),
        );
        onClose();
      },
      onError: (error) => {
        if (isApiError(error) && error.status === 409) {
          void open.refetch();
          setFormError(t("ar.paymentForm.changed"));
          return;
        }
        if (!isApiError(error) || error.status !== 422) {
          setFormError(errorMessage(error));
          return;
        }
        const mapped = mapAllocationErrors(error.details, body.allocations ?? []);
        setRowErrors(mapped.rows);
        setSummaryErrors(mapped.summary);
        const others = Object.entries(mapped.fields).map(([f, m]) => `${f}: ${m.join(" ")}`);
        if (others.length > 0 || (mapped.summary.length === 0 && !Object.keys(mapped.rows).length))
          setFormError([errorMessage(error), ...others].join(" "));
      },
    });
  });

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()}>
      <DialogContent className="max-w-4xl" data-testid="credit-dialog">
        <DialogHeader>
          <DialogTitle>{t("ar.credit.title", { code: payment.payment_code })}</DialogTitle>
          <DialogDescription>
            {t("ar.credit.body", {
              customer: payment.customer_name,
              amount: formatIDR(budget, locale),
            })}
          </DialogDescription>
        </DialogHeader>
        <form noValidate className="flex flex-col gap-4" onSubmit={(e) => void onSubmit(e)}>
          {formError ? <Alert data-testid="credit-error">{formError}</Alert> : null}
          <AllocationEditor
            rows={rows}
            isLoading={open.isPending}
            error={open.error}
            onRetry={() => void open.refetch()}
            hasCustomer
            payment={budget}
            mode={mode}
            onMode={(m) => {
              form.setValue("mode", m);
              form.clearErrors("mode");
            }}
            texts={texts}
            onTexts={(next) => {
              form.setValue("texts", next);
              form.clearErrors("mode");
              setRowErrors({});
            }}
            preview={preview}
            draft={draft}
            rowErrors={rowErrors}
            summaryErrors={summaryErrors}
            labels={{ payment: t("ar.credit.budget"), noOpen: t("ar.credit.noOpen") }}
          />
          {modeError ? (
            <p
              className="text-sm font-medium text-danger"
              role="alert"
              data-testid="credit-problem"
            >
              {translateFieldError(modeError, t)}
            </p>
          ) : null}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button
              type="submit"
              disabled={allocate.isPending || open.isPending}
              data-testid="confirm-credit"
            >
              {allocate.isPending ? <Spinner /> : null}
              {t("ar.credit.confirm")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
