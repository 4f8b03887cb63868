/** The i18n key of every ticket enum value (a new API value is a type error here). */
import type {
  BroadcastStatus,
  Department,
  HolidayKind,
  InquiryOutcome,
  SlaEventType,
  TicketPriority,
  TicketSource,
  TicketStatus,
  TicketType,
} from "@/api/enums.gen";
import type { Labels } from "@/lib/enums";
import type { SlaFilter } from "./lib";

export const TICKET_STATUS_LABEL: Labels<TicketStatus> = {
  open: "tickets.status.open",
  in_progress: "tickets.status.in_progress",
  pending: "tickets.status.pending",
  on_hold: "tickets.status.on_hold",
  closed: "tickets.status.closed",
};

export const TICKET_PRIORITY_LABEL: Labels<TicketPriority> = {
  low: "tickets.priority.low",
  medium: "tickets.priority.medium",
  high: "tickets.priority.high",
  urgent: "tickets.priority.urgent",
};

export const TICKET_TYPE_LABEL: Labels<TicketType> = {
  inquiry_tariff: "tickets.type.inquiry_tariff",
  general_request: "tickets.type.general_request",
  complaint: "tickets.type.complaint",
  shipment_issue: "tickets.type.shipment_issue",
};

export const DEPARTMENT_LABEL: Labels<Department> = {
  MGMT: "tickets.dept.MGMT",
  MKT: "tickets.dept.MKT",
  SAL: "tickets.dept.SAL",
  EXIM: "tickets.dept.EXIM",
  DOM: "tickets.dept.DOM",
  IMP: "tickets.dept.IMP",
  WH: "tickets.dept.WH",
  FIN: "tickets.dept.FIN",
  CS: "tickets.dept.CS",
};

export const TICKET_SOURCE_LABEL: Labels<TicketSource> = {
  web: "tickets.source.web",
  n8n: "tickets.source.n8n",
  crm: "tickets.source.crm",
  dso: "tickets.source.dso",
  whatsapp: "tickets.source.whatsapp",
};

export const INQUIRY_OUTCOME_LABEL: Labels<InquiryOutcome> = {
  won: "tickets.close.outcomes.won",
  lost: "tickets.close.outcomes.lost",
};

export const SLA_EVENT_TYPE_LABEL: Labels<SlaEventType> = {
  OPENED: "tickets.slaEvents.types.OPENED",
  STATUS_CHANGE: "tickets.slaEvents.types.STATUS_CHANGE",
  ASSIGNED: "tickets.slaEvents.types.ASSIGNED",
  PRIORITY_CHANGE: "tickets.slaEvents.types.PRIORITY_CHANGE",
  FIRST_RESPONSE: "tickets.slaEvents.types.FIRST_RESPONSE",
  RESOLVED: "tickets.slaEvents.types.RESOLVED",
  REOPENED: "tickets.slaEvents.types.REOPENED",
};

export const SLA_FILTER_LABEL: Labels<SlaFilter> = {
  met: "tickets.slaFilter.met",
  breached: "tickets.slaFilter.breached",
  at_risk: "tickets.slaFilter.at_risk",
};

export const HOLIDAY_KIND_LABEL: Labels<HolidayKind> = {
  national: "tickets.calendar.kinds.national",
  collective_leave: "tickets.calendar.kinds.collective_leave",
};

/** A broadcast's status as shown on a ticket. */
export const TICKET_BROADCAST_STATUS_LABEL: Labels<BroadcastStatus> = {
  success: "tickets.broadcast.statuses.success",
  failed: "tickets.broadcast.statuses.failed",
  pending: "tickets.broadcast.statuses.pending",
};
