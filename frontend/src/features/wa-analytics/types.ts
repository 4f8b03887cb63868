/** The CRM Effectiveness dashboard's shapes, from the generated API schema. */
import type { components, operations } from "@/api/schema";

type Schemas = components["schemas"];

export type KpiStrip = Schemas["KpiStrip"];
export type ConversationEffectiveness = Schemas["ConversationEffectiveness"];
export type WhatsappPerformance = Schemas["WhatsappPerformance"];
export type CustomerLoad = Schemas["CustomerLoad"];
export type AgentProductivity = Schemas["AgentProductivity"];
export type AutomationImpact = Schemas["AutomationImpact"];
export type BusinessImpact = Schemas["BusinessImpact"];
export type Trend = Schemas["Trend"];
export type Spread = Schemas["Spread"];
export type AgentRow = Schemas["AgentRow"];
export type FailedMessage = Schemas["FailedMessageBody"];
export type Campaign = Schemas["CampaignBody"];

/** from, to, agent_id, team: the same filters for every section. */
export type DashboardQuery = NonNullable<operations["dashboard_kpi"]["parameters"]["query"]>;
