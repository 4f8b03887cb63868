import { Badge } from "@/components/ui/badge";
import type { TicketPriority, TicketStatus } from "@/api/enums.gen";
import { isKeyOf, useEnumLabel } from "@/lib/enums";
import { TICKET_PRIORITY_LABEL, TICKET_STATUS_LABEL } from "./labels";

const STATUS_VARIANT = {
  open: "default",
  in_progress: "warning",
  pending: "muted",
  on_hold: "muted",
  closed: "success",
} as const satisfies Record<TicketStatus, string>;

const PRIORITY_VARIANT = {
  low: "muted",
  medium: "default",
  high: "warning",
  urgent: "danger",
} as const satisfies Record<TicketPriority, string>;

export function StatusBadge({ status }: { status: string }) {
  const label = useEnumLabel(TICKET_STATUS_LABEL);
  if (!isKeyOf(TICKET_STATUS_LABEL, status)) return <Badge variant="muted">{status}</Badge>;
  return (
    <Badge variant={STATUS_VARIANT[status]} data-testid="ticket-status" data-status={status}>
      {label(status)}
    </Badge>
  );
}

export function PriorityBadge({ priority }: { priority: string }) {
  const label = useEnumLabel(TICKET_PRIORITY_LABEL);
  if (!isKeyOf(TICKET_PRIORITY_LABEL, priority)) return <Badge variant="muted">{priority}</Badge>;
  return <Badge variant={PRIORITY_VARIANT[priority]}>{label(priority)}</Badge>;
}
