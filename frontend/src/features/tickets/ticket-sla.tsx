import { CheckCircle2, Clock } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import { useEnumLabel } from "@/lib/enums";
import { SLA_EVENT_TYPE_LABEL, TICKET_PRIORITY_LABEL, TICKET_STATUS_LABEL } from "./labels";
import { slaSummary } from "./lib";
import type { SlaEvent, TicketDetail } from "./types";

export function SlaCard({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const sla = slaSummary(ticket, ticket.sla_events);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("tickets.slaBadge.title")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <div
          data-testid="sla-badge"
          data-first-response={sla.firstResponseAt ? "met" : "pending"}
          data-resolved={sla.closed ? "true" : "false"}
          className="flex flex-wrap gap-2"
        >
          {sla.firstResponseAt ? (
            <Badge variant="success">
              <CheckCircle2 aria-hidden className="size-3" />
              {t("tickets.slaBadge.firstResponseMet")}
            </Badge>
          ) : (
            <Badge variant="warning">
              <Clock aria-hidden className="size-3" />
              {t("tickets.slaBadge.firstResponsePending")}
            </Badge>
          )}
          {sla.closed ? (
            <Badge variant="success">
              <CheckCircle2 aria-hidden className="size-3" />
              {t("tickets.slaBadge.resolved", { at: formatDateTime(sla.closedAt) })}
            </Badge>
          ) : null}
        </div>
        <SlaTimeline events={ticket.sla_events} />
      </CardContent>
    </Card>
  );
}

function SlaTimeline({ events }: { events: SlaEvent[] }) {
  const { t } = useTranslation();
  const statusLabel = useEnumLabel(TICKET_STATUS_LABEL);
  const priorityLabel = useEnumLabel(TICKET_PRIORITY_LABEL);
  const eventLabel = useEnumLabel(SLA_EVENT_TYPE_LABEL);
  // Status and priority values read as the badges do; anything else as sent.
  const value = (v: string | null | undefined) => {
    if (!v) return "—";
    return statusLabel(v, priorityLabel(v));
  };
  if (events.length === 0)
    return <p className="text-sm text-muted">{t("tickets.slaEvents.empty")}</p>;
  return (
    <ol className="space-y-2 border-l border-slate-200 pl-4" data-testid="sla-events">
      {events.map((e, i) => (
        <li key={`${e.occurred_at}-${i}`} className="text-sm">
          <div className="font-medium text-navy-900">
            {eventLabel(e.event_type)}
            {e.from_value || e.to_value ? (
              <span className="font-normal text-slate-700">
                {" "}
                {e.from_value ? `${value(e.from_value)} → ` : ""}
                {value(e.to_value)}
              </span>
            ) : null}
          </div>
          <div className="text-xs text-slate-600">
            <time dateTime={e.occurred_at}>{formatDateTime(e.occurred_at)}</time>
            {e.actor_name ? ` · ${e.actor_name}` : ""}
          </div>
        </li>
      ))}
    </ol>
  );
}
