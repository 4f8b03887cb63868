/** The i18n key of every CRM enum value (a new API value is a type error here). */
import type { ActivityType, LeadStatus, RfqService, Stage, TaskStatus } from "@/api/enums.gen";
import { useEnumLabel, type Labels } from "@/lib/enums";

export const LEAD_STATUS_LABEL: Labels<LeadStatus> = {
  new: "crm.status.new",
  contacted: "crm.status.contacted",
  qualified: "crm.status.qualified",
  disqualified: "crm.status.disqualified",
  converted: "crm.status.converted",
};

export const STAGE_LABEL: Labels<Stage> = {
  new: "crm.stages.new",
  contacted: "crm.stages.contacted",
  qualification: "crm.stages.qualification",
  proposal: "crm.stages.proposal",
  negotiation: "crm.stages.negotiation",
  won: "crm.stages.won",
  lost: "crm.stages.lost",
};

/** Activity types, and the `system` entries the server writes on the timeline. */
export const ACTIVITY_TYPE_LABEL: Labels<ActivityType | "system"> = {
  visit: "crm.activityTypes.visit",
  call: "crm.activityTypes.call",
  meeting: "crm.activityTypes.meeting",
  email: "crm.activityTypes.email",
  whatsapp: "crm.activityTypes.whatsapp",
  system: "crm.activityTypes.system",
};

export const TASK_STATUS_LABEL: Labels<TaskStatus> = {
  open: "crm.tasks.statuses.open",
  done: "crm.tasks.statuses.done",
  cancelled: "crm.tasks.statuses.cancelled",
};

export const RFQ_SERVICE_LABEL: Labels<RfqService> = {
  EXIM: "crm.services.EXIM",
  DOM: "crm.services.DOM",
  IMP: "crm.services.IMP",
  WH: "crm.services.WH",
};

/** Translated name of a pipeline stage; unknown codes fall back. */
export function useStageLabel(): (stage: string, fallback?: string) => string {
  return useEnumLabel(STAGE_LABEL);
}

/** Translated name of an activity type; unknown codes as sent. */
export function useActivityTypeLabel(): (type: string) => string {
  return useEnumLabel(ACTIVITY_TYPE_LABEL);
}
