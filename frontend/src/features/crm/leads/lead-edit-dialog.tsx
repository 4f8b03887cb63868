import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
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
import { useErrorMessage } from "@/lib/error-message";
import { useUpdateLead } from "../api";
import {
  LEAD_EDIT_FIELDS,
  leadEditSchema,
  leadEditValues,
  toLeadPatch,
  type LeadEditValues,
} from "../lead-schema";
import type { Lead } from "../types";
import { LeadFields } from "./lead-fields";
import { CHANNELS } from "./table";

/** Edits a lead's own fields (PATCH /leads/{id}); only changed fields are sent. */
export function LeadEditDialog({ lead, onClose }: { lead: Lead; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateLead(lead.id);
  const errorMessage = useErrorMessage();
  const [formError, setFormError] = useState<string | null>(null);
  const [initial] = useState(() => leadEditValues(lead));
  const { register, handleSubmit, formState, setError } = useForm<LeadEditValues>({
    resolver: zodResolver(leadEditSchema),
    defaultValues: initial,
    mode: "onChange",
  });
  const err = (name: keyof LeadEditValues) => {
    const message = formState.errors[name]?.message;
    if (!message) return undefined;
    return message.startsWith("crm.") ? t(message as "crm.form.invalidPhone") : message;
  };
  const onSubmit = handleSubmit((values) => {
    setFormError(null);
    const patch = toLeadPatch(values, initial);
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    update.mutate(patch, {
      onSuccess: () => {
        toast.success(t("crm.detail.saved", { code: lead.lead_code }));
        onClose();
      },
      onError: (e) => {
        const { attached, unattached } = applyServerErrors(e, LEAD_EDIT_FIELDS, setError);
        if (!attached || unattached.length > 0) {
          setFormError(unattached.length > 0 ? unattached.join(" · ") : errorMessage(e));
        }
      },
    });
  });
  // The lead's own channel stays selectable even when it is not one of the known codes.
  const channels: readonly string[] = CHANNELS.includes(lead.channel as (typeof CHANNELS)[number])
    ? CHANNELS
    : [lead.channel, ...CHANNELS];
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>{t("crm.detail.editTitle", { code: lead.lead_code })}</DialogTitle>
          <DialogDescription>{t("crm.detail.editBody")}</DialogDescription>
        </DialogHeader>
        <form
          id="lead-edit"
          onSubmit={(e) => void onSubmit(e)}
          noValidate
          className="grid gap-4 sm:grid-cols-2"
        >
          {formError ? (
            <Alert variant="error" className="sm:col-span-2">
              {formError}
            </Alert>
          ) : null}
          <LeadFields variant="edit" register={register} err={err} channels={channels} />
        </form>
        <DialogFooter>
          <Button variant="outline" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            type="submit"
            form="lead-edit"
            disabled={update.isPending}
            data-testid="save-lead-edit"
          >
            {update.isPending ? <Spinner /> : null}
            {t("common.save")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
