/**
 * Colours of the SLA status of first replies (met from 90 % within target, at risk from
 * 75 %, breached below, no data without replies) and of an agent's presence (active
 * within 15 minutes of their last message, idle within 2 hours, offline).
 */
import type { AgentStatus, SlaStatus } from "@/api/enums.gen";
import { isKeyOf } from "@/lib/enums";
import type { Tone } from "./trend";

export const SLA_TONE = {
  met: "success",
  at_risk: "warning",
  breached: "danger",
  no_data: "muted",
} as const satisfies Record<SlaStatus, Tone>;

/** The same colours for SVG (gauge) and borders. */
export const SLA_COLOR = {
  met: "#15803d",
  at_risk: "#ca8a04",
  breached: "#b91c1c",
  no_data: "#64748b",
} as const satisfies Record<SlaStatus, string>;

/** The KPI card's left stripe for each status. */
const SLA_BORDER = {
  met: "border-l-success",
  at_risk: "border-l-accent-500",
  breached: "border-l-danger",
  no_data: "border-l-slate-300",
} as const satisfies Record<SlaStatus, string>;

export function slaTone(status: string): Tone {
  return isKeyOf(SLA_TONE, status) ? SLA_TONE[status] : "muted";
}

export function slaColor(status: string): string {
  return isKeyOf(SLA_COLOR, status) ? SLA_COLOR[status] : SLA_COLOR.no_data;
}

export function slaBorder(status: string): string {
  return isKeyOf(SLA_BORDER, status) ? SLA_BORDER[status] : SLA_BORDER.no_data;
}

/** The presence dot of an agent. */
const AGENT_DOT = {
  active: "bg-green-600",
  idle: "bg-accent-500",
  offline: "bg-slate-400",
} as const satisfies Record<AgentStatus, string>;

export function agentDot(status: string): string {
  return isKeyOf(AGENT_DOT, status) ? AGENT_DOT[status] : AGENT_DOT.offline;
}

/** An agent's open conversations as a share of the busiest agent's (the workload bar), 0–100. */
export function workloadPercent(open: number, busiest: number): number {
  if (busiest <= 0 || open <= 0) return 0;
  return Math.min(100, Math.round((open / busiest) * 100));
}
