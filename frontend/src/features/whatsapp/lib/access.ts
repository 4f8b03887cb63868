/**
 * Who may do what with WhatsApp conversations (the API's rules, so the UI offers only
 * what the server accepts): readers see the inbox, workers change status and
 * assignment, admins assign to anyone.
 */
import { CONVERSATION_STATUS_VALUES, type ConversationStatus, type Role } from "@/api/enums.gen";
import { isOneOf } from "@/lib/enums";

/** Roles the API lets read conversations (others get 403). */
export const CONVERSATION_READERS = [
  "super_admin",
  "director",
  "cs_admin",
  "cs_agent",
  "sales_manager",
  "salesperson",
] as const satisfies readonly Role[];

/** Roles that work conversations: status changes, taking, a ticket from one. */
export const CONVERSATION_WORKERS = [
  "super_admin",
  "cs_admin",
  "cs_agent",
] as const satisfies readonly Role[];

export const readsConversations = (role: string) => isOneOf(CONVERSATION_READERS, role);
export const worksConversations = (role: string) => isOneOf(CONVERSATION_WORKERS, role);
/** The CS admin and the super admin assign a conversation to anyone in CS. */
export const assignsConversations = (role: string) => role === "super_admin" || role === "cs_admin";

/**
 * Whether `user` may act on the conversation: admins on any, an agent on their own and
 * on the unassigned queue; nobody else.
 */
export function worksOn(
  user: { id: string; role: string },
  conversation: { assigned_to_user_id?: string | null },
): boolean {
  if (assignsConversations(user.role)) return true;
  if (!worksConversations(user.role)) return false;
  const assignee = conversation.assigned_to_user_id ?? null;
  return assignee === null || assignee === user.id;
}

/** Whether the "Ambil" (take it) button shows: a worker and nobody has it yet. */
export function takes(
  user: { id: string; role: string },
  conversation: { assigned_to_user_id?: string | null; status: string },
): boolean {
  return (
    worksConversations(user.role) &&
    !conversation.assigned_to_user_id &&
    conversation.status !== "resolved"
  );
}

/**
 * The status buttons of a conversation, in the order shown: an open one is parked
 * ("Tunda") or resolved, a parked one reopened or resolved, a resolved one only reopened
 * (parking it would hide that it ended).
 */
export function statusTargets(status: string): readonly ConversationStatus[] {
  if (!isOneOf(CONVERSATION_STATUS_VALUES, status)) return [];
  return CONVERSATION_STATUS_VALUES.filter(
    (next) => next !== status && !(status === "resolved" && next === "pending"),
  );
}
