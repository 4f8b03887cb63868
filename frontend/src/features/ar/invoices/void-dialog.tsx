import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import type { z } from "zod";
import { FormField } from "@/components/form/form-field";
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
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { isApiError } from "@/api/errors";
import { useErrorMessage } from "@/lib/error-message";
import { voidRefusal } from "../lib/credit";
import { useVoidInvoice } from "../mutations";
import { voidSchema } from "./invoice-schema";

const FIELDS = ["reason"] as const;

/** Voids an invoice (DSO-1): it stops counting in AR and DSO; the reason is audited. */
export function VoidInvoiceDialog({
  invoiceId,
  invoiceCode,
  allocationsShown,
  onClose,
}: {
  invoiceId: string;
  invoiceCode: string;
  /** Payment lines on the invoice page: a 409 asks to reverse those first. */
  allocationsShown: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const voidInvoice = useVoidInvoice(invoiceId);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.input<typeof voidSchema>, unknown, z.output<typeof voidSchema>>({
    resolver: zodResolver(voidSchema),
    defaultValues: { reason: "" },
  });

  const onSubmit = form.handleSubmit((body) => {
    setFormError(null);
    voidInvoice.mutate(body, {
      onSuccess: () => {
        toast.success(t("ar.invoice.voidDone", { code: invoiceCode }));
        onClose();
      },
      onError: (e) => {
        // Payments still allocated (409): reverse those listed on the page first.
        const refusal = isApiError(e) ? voidRefusal(e.status, e.details, allocationsShown) : null;
        if (refusal === "allocated") {
          setFormError(t("ar.invoice.voidAllocated"));
          return;
        }
        const { attached, unattached } = applyServerErrors(e, FIELDS, form.setError);
        if (!attached || unattached.length > 0)
          setFormError([errorMessage(e), ...unattached].join(" "));
      },
    });
  });

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent data-testid="void-dialog">
        <DialogHeader>
          <DialogTitle>{t("ar.invoice.voidTitle", { code: invoiceCode })}</DialogTitle>
          <DialogDescription>{t("ar.invoice.voidBody")}</DialogDescription>
        </DialogHeader>
        <form noValidate className="flex flex-col gap-4" onSubmit={(e) => void onSubmit(e)}>
          {formError ? <Alert data-testid="void-error">{formError}</Alert> : null}
          <FormField
            label={t("ar.invoice.voidReason")}
            error={form.formState.errors.reason?.message}
            name="reason"
          >
            <Textarea data-testid="void-reason" {...form.register("reason")} />
          </FormField>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button
              type="submit"
              variant="destructive"
              disabled={voidInvoice.isPending}
              data-testid="confirm-void"
            >
              {voidInvoice.isPending ? <Spinner /> : null}
              {t("ar.invoice.voidConfirm")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
