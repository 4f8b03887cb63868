import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormField } from "@/components/form/form-field";
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

const MAX = 1000;

/** Asks why a prospect was lost before it moves to `lost` (the reason is required). */
export function LostReasonDialog({
  open,
  code,
  serverError,
  pending,
  onOpenChange,
  onConfirm,
}: {
  open: boolean;
  code: string;
  serverError: string | null;
  pending: boolean;
  onOpenChange: (open: boolean) => void;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent data-testid="lost-reason-dialog">
        <DialogHeader>
          <DialogTitle>{t("crm.lost.title", { code })}</DialogTitle>
          <DialogDescription>{t("crm.lost.body")}</DialogDescription>
        </DialogHeader>
        {open ? (
          <LostReasonForm
            serverError={serverError}
            pending={pending}
            onCancel={() => onOpenChange(false)}
            onConfirm={onConfirm}
          />
        ) : null}
      </DialogContent>
    </Dialog>
  );
}

function LostReasonForm({
  serverError,
  pending,
  onCancel,
  onConfirm,
}: {
  serverError: string | null;
  pending: boolean;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);
  const trimmed = reason.trim();
  const clientError =
    trimmed.length === 0
      ? "validation.required"
      : trimmed.length > MAX
        ? `validation.maxLength|${MAX}`
        : undefined;
  const error = (touched ? clientError : undefined) ?? serverError ?? undefined;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTouched(true);
        if (!clientError) onConfirm(trimmed);
      }}
    >
      <FormField label={t("crm.lost.reason")} error={error} name="lost_reason">
        <Textarea
          name="lost_reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          onBlur={() => setTouched(true)}
          placeholder={t("crm.lost.placeholder")}
          data-testid="lost-reason-input"
          autoFocus
        />
      </FormField>
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onCancel}>
          {t("common.cancel")}
        </Button>
        <Button
          type="submit"
          variant="destructive"
          disabled={pending}
          data-testid="lost-reason-submit"
        >
          {pending ? <Spinner /> : null}
          {t("crm.lost.confirm")}
        </Button>
      </DialogFooter>
    </form>
  );
}
