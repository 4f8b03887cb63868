import { useTranslation } from "react-i18next";
import { Badge } from "@/components/ui/badge";
import { PRIORITIES, STATUSES, known } from "./lib";

const STATUS_VARIANT = {
  open: "default",
  in_progress: "warning",
  pending: "muted",
  on_hold: "muted",
  closed: "success",
} as const;

const PRIORITY_VARIANT = {
  low: "muted",
  medium: "default",
  high: "warning",
  urgent: "danger",
} as const;

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  if (!known(STATUSES, status)) return <Badge variant="muted">{status}</Badge>;
  return (
    <Badge variant={STATUS_VARIANT[status]} data-testid="ticket-status" data-status={status}>
      {t(`tickets.status.${status}`)}
    </Badge>
  );
}

export function PriorityBadge({ priority }: { priority: string }) {
  const { t } = useTranslation();
  if (!known(PRIORITIES, priority)) return <Badge variant="muted">{priority}</Badge>;
  return <Badge variant={PRIORITY_VARIANT[priority]}>{t(`tickets.priority.${priority}`)}</Badge>;
}
