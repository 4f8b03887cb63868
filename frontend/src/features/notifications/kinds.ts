/** Every notification kind (generated enum) with its label and icon. */
import {
  AlarmClock,
  CalendarClock,
  FileCheck2,
  Info,
  Receipt,
  Siren,
  Target,
  Ticket,
  UserPlus,
  type LucideIcon,
} from "lucide-react";
import type { NotificationKind } from "@/api/enums.gen";
import { useEnumLabel, type Labels } from "@/lib/enums";

export const NOTIFICATION_KIND_LABEL: Labels<NotificationKind> = {
  lead_assigned: "notifications.kinds.lead_assigned",
  ticket_assigned: "notifications.kinds.ticket_assigned",
  task_due: "notifications.kinds.task_due",
  sla_at_risk: "notifications.kinds.sla_at_risk",
  sla_breached: "notifications.kinds.sla_breached",
  invoice_overdue: "notifications.kinds.invoice_overdue",
  import_finished: "notifications.kinds.import_finished",
  target_at_risk: "notifications.kinds.target_at_risk",
  system: "notifications.kinds.system",
};

export const NOTIFICATION_KIND_ICON: Readonly<Record<NotificationKind, LucideIcon>> = {
  lead_assigned: UserPlus,
  ticket_assigned: Ticket,
  task_due: CalendarClock,
  sla_at_risk: AlarmClock,
  sla_breached: Siren,
  invoice_overdue: Receipt,
  import_finished: FileCheck2,
  target_at_risk: Target,
  system: Info,
};

export function useNotificationKindLabel(): (kind: string) => string {
  return useEnumLabel(NOTIFICATION_KIND_LABEL);
}
