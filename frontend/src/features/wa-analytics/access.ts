/**
 * Who reads the CRM Effectiveness dashboard (the API's rule, domain::wa_analytics::
 * reads_wa_dashboards): management and CS. A CS agent reads only their own figures, so
 * the agent and team filters are for the others. The server decides; the UI only hides
 * what would be refused.
 */
import type { Role } from "@/api/enums.gen";
import { isOneOf } from "@/lib/enums";

/** Roles the API lets read the dashboards (others get 403). */
export const WA_DASHBOARD_READERS = [
  "super_admin",
  "director",
  "cs_admin",
  "cs_agent",
] as const satisfies readonly Role[];

export const readsWaDashboards = (role: string): boolean => isOneOf(WA_DASHBOARD_READERS, role);

/** Picks an agent or a team (a CS agent's figures are always their own). */
export const picksAgents = (role: string): boolean =>
  readsWaDashboards(role) && role !== "cs_agent";
