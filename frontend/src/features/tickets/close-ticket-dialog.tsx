import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { INQUIRY_OUTCOME_VALUES, type InquiryOutcome } from "@/api/enums.gen";
import { isApiError } from "@/api/errors";
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
import { INQUIRY_OUTCOME_LABEL } from "./labels";
import type { TicketDetail } from "./types";

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
  const [reason, setReason] = useState("");
  const [outcome, setOutcome] = useState<InquiryOutcome | "">("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [outcomeError, setOutcomeError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const confirm = () => {
    const text = reason.trim();
    let ok = true;
    if (inquiry && !outcome) {
      setOutcomeError(t("tickets.close.outcomeRequired"));
      ok = false;
    } else setOutcomeError(null);
    if (inquiry && outcome === "lost" && !text) {
      setReasonError(t("tickets.close.reasonRequiredLost"));
      ok = false;
    } else setReasonError(null);
    if (!ok) return;
    setFormError(null);
    update.mutate(
      {
        status: "closed",
        ...(text ? { close_reason: text } : {}),
        ...(inquiry && outcome ? { inquiry_outcome: outcome } : {}),
      },
      {
        onSuccess: () => {
          toast.success(t("tickets.close.done", { code: ticket.ticket_code }));
          onClose();
        },
        onError: (e) => {
          const details = isApiError(e) ? e.details : {};
          if (details.close_reason) setReasonError(details.close_reason.join(" "));
          if (details.inquiry_outcome) setOutcomeError(details.inquiry_outcome.join(" "));
          if (!details.close_reason && !details.inquiry_outcome) setFormError(errorMessage(e));
        },
      },
    );
  };

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent data-testid="close-dialog">
        <DialogHeader>
          <DialogTitle>{t("tickets.close.title", { code: ticket.ticket_code })}</DialogTitle>
          <DialogDescription>{t("tickets.close.body")}</DialogDescription>
        </DialogHeader>
        <form
          noValidate
          className="flex flex-col gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            confirm();
          }}
        >
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
                      name="inquiry_outcome"
                      value={o}
                      checked={outcome === o}
                      onChange={() => setOutcome(o)}
                      className="accent-navy-900"
                      data-testid={`outcome-${o}`}
                    />
                    {t(INQUIRY_OUTCOME_LABEL[o])}
                  </label>
                ))}
              </div>
              {outcomeError ? (
                <p className="text-xs font-medium text-danger">{outcomeError}</p>
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
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              className={cn(fieldClass, "h-auto py-2")}
              data-testid="close-reason"
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={reasonError ? `${reasonId}-error` : undefined}
            />
            {reasonError ? (
              <p id={`${reasonId}-error`} className="text-xs font-medium text-danger">
                {reasonError}
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
