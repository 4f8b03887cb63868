/** The i18n key of every conversation enum value (a new API value is a type error here). */
import type { ConversationStatus, ResolvedBy, SenderKind } from "@/api/enums.gen";
import type { Labels } from "@/lib/enums";

export const CONVERSATION_STATUS_LABEL: Labels<ConversationStatus> = {
  open: "whatsapp.status.open",
  pending: "whatsapp.status.pending",
  resolved: "whatsapp.status.resolved",
};

/** The button that moves a conversation to each status ("Buka lagi", "Tunda", …). */
export const STATUS_ACTION_LABEL: Labels<ConversationStatus> = {
  open: "whatsapp.thread.action.open",
  pending: "whatsapp.thread.action.pending",
  resolved: "whatsapp.thread.action.resolved",
};

export const RESOLVED_BY_LABEL: Labels<ResolvedBy> = {
  agent: "whatsapp.resolvedBy.agent",
  bot: "whatsapp.resolvedBy.bot",
  timeout: "whatsapp.resolvedBy.timeout",
};

export const SENDER_KIND_LABEL: Labels<SenderKind> = {
  customer: "whatsapp.sender.customer",
  agent: "whatsapp.sender.agent",
  bot: "whatsapp.sender.bot",
};
