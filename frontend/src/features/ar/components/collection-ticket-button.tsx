import { useNavigate } from "@tanstack/react-router";
import { BellRing } from "lucide-react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { hasMenu } from "@/features/auth/access";
import { useMe } from "@/features/auth/api";
import { useErrorMessage } from "@/lib/error-message";
import { opensCollectionTickets } from "../access";
import { useOpenCollectionTicket } from "../mutations";

/**
 * DSO-4: one click opens a `general_request` ticket for Finance about an overdue
 * invoice (a second click returns the ticket already open) and goes to it. Roles
 * without the Ticketing menu (finance) are told its code instead. Hidden for roles
 * that do not open collection tickets (the director).
 */
export function CollectionTicketButton({
  invoiceId,
  invoiceCode,
  size = "sm",
}: {
  invoiceId: string;
  invoiceCode: string;
  size?: "sm" | "default";
}) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const open = useOpenCollectionTicket();
  if (!opensCollectionTickets(me.role)) return null;
  const seesTickets = hasMenu(me, "ticketing");
  return (
    <Button
      type="button"
      variant="outline"
      size={size}
      disabled={open.isPending}
      data-testid="collection-ticket"
      aria-label={`${t("ar.collection.create")} — ${invoiceCode}`}
      onClick={() =>
        open.mutate(invoiceId, {
          onSuccess: (ticket) => {
            const code = ticket.ticket_code;
            toast.success(
              ticket.created
                ? t("ar.collection.created", { code })
                : t("ar.collection.existing", { code }),
            );
            if (seesTickets) {
              void navigate({
                to: "/ticketing/tickets/$ticketId",
                params: { ticketId: ticket.ticket_id },
              });
            }
          },
          onError: (e) => toast.error(errorMessage(e)),
        })
      }
    >
      {open.isPending ? <Spinner /> : <BellRing aria-hidden />}
      {t("ar.collection.create")}
    </Button>
  );
}
