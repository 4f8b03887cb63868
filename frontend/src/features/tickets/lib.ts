/** Ticket rules the UI needs: statuses and transitions (TCK-1), roles, the SLA summary. */
import {
  DEPARTMENT_VALUES,
  TICKET_STATUS_VALUES,
  type Department,
  type SlaState,
  type TicketStatus,
  type TicketType,
} from "@/api/enums.gen";
import { isOneOf } from "@/lib/enums";
import type { SlaEvent } from "./types";

/** The types a person may open by hand, in the form's order (RFQs come from the lead form). */
export const CREATABLE_TYPES = [
  "complaint",
  "shipment_issue",
  "general_request",
] as const satisfies readonly TicketType[];
/** Departments a ticket may target, Customer Service (the usual target) first. */
export const TARGET_DEPTS: readonly Department[] = [
  "CS",
  ...DEPARTMENT_VALUES.filter((dept) => dept !== "CS"),
];
/** The SLA states the queue filters by (a running or paused clock is not a filter). */
export const SLA_FILTERS = ["met", "breached", "at_risk"] as const satisfies readonly SlaState[];
export type SlaFilter = (typeof SLA_FILTERS)[number];

/**
 * The statuses a ticket may move to from `status` (closing goes through the dialog):
 * any other open status, and a closed ticket only reopens to in progress.
 */
export function nextStatuses(status: string): readonly TicketStatus[] {
  if (!isOneOf(TICKET_STATUS_VALUES, status)) return [];
  if (status === "closed") return ["in_progress"];
  return TICKET_STATUS_VALUES.filter((next) => next !== status && next !== "open");
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
