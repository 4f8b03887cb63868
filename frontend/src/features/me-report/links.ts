/** The module lists a report figure drills into, filtered to the signed-in user and the month. */
import type { LeadOwnership } from "@/api/enums.gen";
import type { MeReport } from "./types";

/** Where the report page lives. */
export const ME_REPORT_PATH = "/me/report";

/** The URL keys of the report page. */
export const ME_REPORT_SEARCH_KEYS = ["period"] as const;

type Range = Pick<MeReport, "from" | "to" | "period" | "as_of">;

export function leadsLink(r: Range, ownership: LeadOwnership, extra = ""): string {
  const owner = ownership === "marketing" ? "marketing_owner" : "owner";
  return `/crm/leads?${owner}=me&from=${r.from}&to=${r.to}${extra}`;
}

export function activitiesLink(r: Range, extra = ""): string {
  return `/crm/activities?owner=me&from=${r.from}&to=${r.to}${extra}`;
}

export const TASKS_LINK = "/crm/tasks";

export function ticketsLink(r: Range, extra = ""): string {
  return `/ticketing/tickets?view=mine&from=${r.from}&to=${r.to}${extra}`;
}

export function scorecardLink(r: Range): string {
  return `/kpi?period=${r.period}`;
}

export function myCustomersLink(r: Range): string {
  return `/dso/my-customers?as_of=${r.as_of}`;
}
