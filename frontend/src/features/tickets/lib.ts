/** Ticket rules the UI needs: statuses and transitions (TCK-1), roles, the SLA summary. */
import type { SlaEvent } from "./types";

export const STATUSES = ["open", "in_progress", "pending", "on_hold", "closed"] as const;
export const PRIORITIES = ["low", "medium", "high", "urgent"] as const;
export const TYPES = ["inquiry_tariff", "general_request", "complaint", "shipment_issue"] as const;
/** The types a person may open by hand (RFQs come from the lead form). */
export const CREATABLE_TYPES = ["complaint", "shipment_issue", "general_request"] as const;
export const DEPTS = ["CS", "MGMT", "MKT", "SAL", "EXIM", "DOM", "IMP", "WH", "FIN"] as const;
export const SLA_FILTERS = ["met", "breached", "at_risk"] as const;

/** Narrows a server string to one of the known values. */
export const known = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

export type TicketStatus = (typeof STATUSES)[number];

const TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  open: ["in_progress", "pending", "on_hold", "closed"],
  in_progress: ["pending", "on_hold", "closed"],
  pending: ["in_progress", "on_hold", "closed"],
  on_hold: ["in_progress", "pending", "closed"],
  closed: ["in_progress"],
};

/** The statuses a ticket may move to from `status` (closing goes through the dialog). */
export function nextStatuses(status: string): readonly TicketStatus[] {
  return (STATUSES as readonly string[]).includes(status)
    ? TRANSITIONS[status as TicketStatus]
    : [];
}

/** Admins assign tickets. */
export const assignsTickets = (role: string) => role === "super_admin" || role === "cs_admin";
/** Everyone but the director and Operations opens tickets. */
export const createsTickets = (role: string) => role !== "director" && !role.startsWith("ops_");
/** Who sees the "All" tab of the queue (the server still limits what "all" means). */
export const seesAllTickets = (role: string) =>
  assignsTickets(role) || role === "director" || role.startsWith("ops_");
export type QueueView = "mine" | "unassigned" | "all";

/** The queue tab in the URL → `assigned_to` of GET /tickets. */
export function viewToAssignedTo(view: QueueView): string | undefined {
  if (view === "mine") return "me";
  if (view === "unassigned") return "unassigned";
  return undefined;
}

export function defaultView(role: string): QueueView {
  return seesAllTickets(role) ? "all" : "mine";
}

export function parseView(value: string | undefined, role: string): QueueView {
  if (value === "mine" || value === "unassigned") return value;
  if (value === "all" && seesAllTickets(role)) return "all";
  return defaultView(role);
}

export interface SlaSummary {
  firstResponseAt: string | null;
  closedAt: string | null;
  closed: boolean;
}

/** First response (a FIRST_RESPONSE event) and resolution of a ticket. */
export function slaSummary(
  ticket: { status: string; closed_at?: string | null | undefined },
  events: readonly Pick<SlaEvent, "event_type" | "occurred_at">[],
): SlaSummary {
  const first = events.find((e) => e.event_type === "FIRST_RESPONSE");
  return {
    firstResponseAt: first?.occurred_at ?? null,
    closed: ticket.status === "closed",
    closedAt: ticket.status === "closed" ? (ticket.closed_at ?? null) : null,
  };
}

/** Types that need an AWB when opened. */
export const needsTrackingNumber = (type: string) =>
  type === "complaint" || type === "shipment_issue";
