import { zodResolver } from "@hookform/resolvers/zod";
import { useId, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { INQUIRY_OUTCOME_VALUES } from "@/api/enums.gen";
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
import { fieldClass } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useErrorMessage } from "@/lib/error-message";
import { cn } from "@/lib/utils";
import { useUpdateTicket } from "./api";
import {
  closeTicketSchema,
  type CloseTicketBody,
  type CloseTicketValues,
} from "./close-ticket-schema";
import { INQUIRY_OUTCOME_LABEL } from "./labels";
import type { TicketDetail } from "./types";

const FIELDS = ["inquiry_outcome", "close_reason"] as const;

/** Closes a ticket with a reason; RFQs (inquiry_tariff) also record won or lost. */
export function CloseTicketDialog({
  ticket,
  onClose,
}: {
  ticket: TicketDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateTicket(ticket.id);
  const errorMessage = useErrorMessage();
  const reasonId = useId();
  const inquiry = ticket.ticket_type === "inquiry_tariff";
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CloseTicketValues, unknown, CloseTicketBody>({
    resolver: zodResolver(closeTicketSchema(inquiry)),
    defaultValues: { inquiry_outcome: "", close_reason: "" },
  });
  const { errors } = form.formState;
  const outcome = useWatch({ control: form.control, name: "inquiry_outcome" });
  const reasonError = errors.close_reason?.message;
  const outcomeError = errors.inquiry_outcome?.message;

  const onSubmit = form.handleSubmit((body) => {
    setFormError(null);
    update.mutate(body, {
      onSuccess: () => {
        toast.success(t("tickets.close.done", { code: ticket.ticket_code }));
        onClose();
      },
      onError: (e) => {
        const { attached } = applyServerErrors(e, FIELDS, form.setError);
        if (!attached) setFormError(errorMessage(e));
      },
    });
  });

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent data-testid="close-dialog">
        <DialogHeader>
          <DialogTitle>{t("tickets.close.title", { code: ticket.ticket_code })}</DialogTitle>
          <DialogDescription>{t("tickets.close.body")}</DialogDescription>
        </DialogHeader>
        <form noValidate className="flex flex-col gap-4" onSubmit={(e) => void onSubmit(e)}>
          {formError ? <Alert>{formError}</Alert> : null}
          {inquiry ? (
            <fieldset className="flex flex-col gap-1.5">
              <legend className="mb-1 text-sm font-medium text-slate-800">
                {t("tickets.close.outcome")}
              </legend>
              <div className="flex gap-4">
                {INQUIRY_OUTCOME_VALUES.map((o) => (
                  <label key={o} className="inline-flex items-center gap-2 text-sm">
                    <input
                      type="radio"
                      value={o}
                      {...form.register("inquiry_outcome")}
                      className="accent-navy-900"
                      data-testid={`outcome-${o}`}
                    />
                    {t(INQUIRY_OUTCOME_LABEL[o])}
                  </label>
                ))}
              </div>
              {outcomeError ? (
                <p className="text-xs font-medium text-danger">
                  {translateFieldError(outcomeError, t)}
                </p>
              ) : null}
            </fieldset>
          ) : null}
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={reasonId}>
              {t("tickets.close.reason")}
              {!(inquiry && outcome === "lost") ? (
                <span className="ml-1 font-normal text-muted">({t("common.optional")})</span>
              ) : null}
            </Label>
            <textarea
              id={reasonId}
              rows={3}
              {...form.register("close_reason")}
              className={cn(fieldClass, "h-auto py-2")}
              data-testid="close-reason"
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={reasonError ? `${reasonId}-error` : undefined}
            />
            {reasonError ? (
              <p id={`${reasonId}-error`} className="text-xs font-medium text-danger">
                {translateFieldError(reasonError, t)}
              </p>
            ) : null}
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" disabled={update.isPending} data-testid="confirm-close">
              {t("tickets.close.confirm")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
