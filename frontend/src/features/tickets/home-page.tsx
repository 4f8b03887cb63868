import { Link } from "@tanstack/react-router";
import {
  BarChart3,
  CalendarDays,
  FileSearch,
  Inbox,
  MessageSquareShare,
  MessagesSquare,
  Plus,
  type LucideIcon,
} from "lucide-react";
import { useTranslation } from "react-i18next";
import { ROLE_VALUES } from "@/api/enums.gen";
import { PageHeader } from "@/components/layout/page-header";
import { Card } from "@/components/ui/card";
import { useMe } from "@/features/auth/api";
import { readsBroadcasts } from "@/features/broadcasts/api";
import { createsTickets } from "@/features/tickets/lib";
import { readsConversations } from "@/features/whatsapp/lib/access";

/** Roles that read RFQs: the super admin, the director and every Operations role. */
const RFQ_READERS = new Set<string>(
  ROLE_VALUES.filter(
    (role) => role === "super_admin" || role === "director" || role.startsWith("ops_"),
  ),
);

interface HubLink {
  key: string;
  to:
    | "/ticketing/tickets"
    | "/ticketing/tickets/new"
    | "/ticketing/tickets/sla"
    | "/ticketing/tickets/sla/calendar"
    | "/ticketing/rfqs"
    | "/ticketing/broadcasts"
    | "/ticketing/conversations";
  icon: LucideIcon;
  title: string;
  body: string;
}

/**
 * Ticketing home: a hub linking to the queue, a new ticket, the SLA report and its business
 * calendar, the RFQs, the broadcast monitor and the WhatsApp conversations (each for the
 * roles that may use it).
 */
export default function TicketingHomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const links: HubLink[] = [
    {
      key: "queue",
      to: "/ticketing/tickets",
      icon: Inbox,
      title: t("tickets.hub.queueTitle"),
      body: t("tickets.hub.queueBody"),
    },
    ...(createsTickets(me.role)
      ? [
          {
            key: "new",
            to: "/ticketing/tickets/new" as const,
            icon: Plus,
            title: t("tickets.hub.newTitle"),
            body: t("tickets.hub.newBody"),
          },
        ]
      : []),
    {
      key: "sla",
      to: "/ticketing/tickets/sla",
      icon: BarChart3,
      title: t("tickets.hub.slaTitle"),
      body: t("tickets.hub.slaBody"),
    },
    {
      key: "calendar",
      to: "/ticketing/tickets/sla/calendar",
      icon: CalendarDays,
      title: t("tickets.hub.calendarTitle"),
      body: t("tickets.hub.calendarBody"),
    },
    ...(RFQ_READERS.has(me.role)
      ? [
          {
            key: "rfqs",
            to: "/ticketing/rfqs" as const,
            icon: FileSearch,
            title: t("ticketing.rfqsTitle"),
            body: t("ticketing.rfqsBody"),
          },
        ]
      : []),
    ...(readsConversations(me.role)
      ? [
          {
            key: "conversations",
            to: "/ticketing/conversations" as const,
            icon: MessagesSquare,
            title: t("whatsapp.title"),
            body: t("whatsapp.hubBody"),
          },
        ]
      : []),
    ...(readsBroadcasts(me.role)
      ? [
          {
            key: "broadcasts",
            to: "/ticketing/broadcasts" as const,
            icon: MessageSquareShare,
            title: t("broadcasts.title"),
            body: t("broadcasts.subtitle"),
          },
        ]
      : []),
  ];
  return (
    <>
      <PageHeader title={t("modules.ticketing")} />
      <ul className="mb-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="ticketing-hub">
        {links.map(({ key, to, icon: Icon, title, body }) => (
          <li key={key}>
            <Card className="h-full transition-shadow hover:shadow-md">
              <Link
                to={to}
                className="flex h-full items-center gap-3 rounded-lg p-4"
                data-testid={`hub-${key}`}
              >
                <span className="flex size-10 shrink-0 items-center justify-center rounded-md bg-navy-900 text-accent-400">
                  <Icon aria-hidden className="size-5" />
                </span>
                <span>
                  <span className="block font-medium text-navy-900">{title}</span>
                  <span className="block text-sm text-muted">{body}</span>
                </span>
              </Link>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
