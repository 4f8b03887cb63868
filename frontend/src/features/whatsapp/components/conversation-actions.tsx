import { Link } from "@tanstack/react-router";
import { CheckCircle2, PauseCircle, RotateCcw, Ticket, UserCheck } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ConversationStatus } from "@/api/enums.gen";
import { Button } from "@/components/ui/button";
import { useMe } from "@/features/auth/api";
import { useEnumLabel } from "@/lib/enums";
import { CONVERSATION_STATUS_LABEL, STATUS_ACTION_LABEL } from "../labels";
import { statusTargets, takes, worksOn } from "../lib/access";
import type { ConversationDetail } from "../types";
import { TicketDialog } from "./ticket-dialog";
import type { PatchConversation } from "./use-patch-conversation";

const STATUS_ICON = {
  open: RotateCcw,
  pending: PauseCircle,
  resolved: CheckCircle2,
} as const satisfies Record<ConversationStatus, unknown>;

/**
 * The header actions of a thread: take it ("Ambil"), park, resolve or reopen it, and
 * its ticket — a link once it has one, "Buat tiket" before. Only what the user may do.
 */
export function ConversationActions({
  conversation: c,
  patch,
  pending,
}: {
  conversation: ConversationDetail;
  patch: PatchConversation;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const statusLabel = useEnumLabel(CONVERSATION_STATUS_LABEL);
  const [ticketing, setTicketing] = useState(false);
  const works = worksOn(me, c);
  return (
    <>
      {takes(me, c) ? (
        <Button
          variant="outline"
          data-testid="take-conversation"
          disabled={pending}
          onClick={() => patch({ assigned_to_user_id: me.id }, t("whatsapp.thread.taken"))}
        >
          <UserCheck aria-hidden /> {t("whatsapp.thread.take")}
        </Button>
      ) : null}
      {works
        ? statusTargets(c.status).map((status) => {
            const Icon = STATUS_ICON[status];
            return (
              <Button
                key={status}
                variant={status === "resolved" ? "default" : "outline"}
                disabled={pending}
                data-testid={`conversation-to-${status}`}
                onClick={() =>
                  patch(
                    { status },
                    t("whatsapp.thread.statusChanged", { status: statusLabel(status) }),
                  )
                }
              >
                <Icon aria-hidden /> {t(STATUS_ACTION_LABEL[status])}
              </Button>
            );
          })
        : null}
      {c.ticket_id && c.ticket_code ? (
        <Button asChild variant="outline">
          <Link
            to="/ticketing/tickets/$ticketId"
            params={{ ticketId: c.ticket_id }}
            data-testid="conversation-ticket-link"
            data-ticket-code={c.ticket_code}
          >
            <Ticket aria-hidden /> {t("whatsapp.ticket.link", { code: c.ticket_code })}
          </Link>
        </Button>
      ) : works ? (
        <Button
          variant="accent"
          data-testid="open-conversation-ticket"
          onClick={() => setTicketing(true)}
        >
          <Ticket aria-hidden /> {t("whatsapp.ticket.open")}
        </Button>
      ) : null}
      {ticketing ? (
        <TicketDialog conversationId={c.id} onClose={() => setTicketing(false)} />
      ) : null}
    </>
  );
}
