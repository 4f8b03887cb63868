import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { TICKET_PRIORITY_VALUES, type TicketPriority, type TicketType } from "@/api/enums.gen";
import { EnumOptions } from "@/components/form/enum-options";
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
import { TICKET_PRIORITY_LABEL, TICKET_TYPE_LABEL } from "@/features/tickets/labels";
import { CREATABLE_TYPES } from "@/features/tickets/lib";
import { isOneOf } from "@/lib/enums";
import { useErrorMessage } from "@/lib/error-message";
import { useOpenConversationTicket } from "../api";

/**
 * Opens a CS ticket from the conversation (its number, name, customer, lead and the
 * customer's last message go into it); type and priority as the API defaults them.
 */
export function TicketDialog({
  conversationId,
  onClose,
}: {
  conversationId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const open = useOpenConversationTicket(conversationId);
  const errorMessage = useErrorMessage();
  const typeId = useId();
  const priorityId = useId();
  const [type, setType] = useState<TicketType>("complaint");
  const [priority, setPriority] = useState<TicketPriority>("medium");
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    setError(null);
    open.mutate(
      { ticket_type: type, priority },
      {
        onSuccess: (ticket) => {
          const key = ticket.created ? "whatsapp.ticket.created" : "whatsapp.ticket.existing";
          toast.success(t(key, { code: ticket.ticket_code }));
          onClose();
        },
        onError: (e) => setError(errorMessage(e)),
      },
    );
  };

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()}>
      <DialogContent data-testid="conversation-ticket-dialog">
        <DialogHeader>
          <DialogTitle>{t("whatsapp.ticket.title")}</DialogTitle>
          <DialogDescription>{t("whatsapp.ticket.body")}</DialogDescription>
        </DialogHeader>
        <form
          noValidate
          className="flex flex-col gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          {error ? <Alert>{error}</Alert> : null}
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={typeId}>{t("whatsapp.ticket.type")}</Label>
            <Select
              id={typeId}
              value={type}
              data-testid="conversation-ticket-type"
              onChange={(e) => {
                if (isOneOf(CREATABLE_TYPES, e.target.value)) setType(e.target.value);
              }}
            >
              <EnumOptions values={CREATABLE_TYPES} labels={TICKET_TYPE_LABEL} />
            </Select>
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={priorityId}>{t("whatsapp.ticket.priority")}</Label>
            <Select
              id={priorityId}
              value={priority}
              onChange={(e) => {
                if (isOneOf(TICKET_PRIORITY_VALUES, e.target.value)) setPriority(e.target.value);
              }}
            >
              <EnumOptions values={TICKET_PRIORITY_VALUES} labels={TICKET_PRIORITY_LABEL} />
            </Select>
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button
              type="submit"
              disabled={open.isPending}
              data-testid="confirm-conversation-ticket"
            >
              {t("whatsapp.ticket.confirm")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
