/**
 * Named aliases for the conversation endpoints, looked up from the generated OpenAPI
 * paths (src/api/schema.d.ts); nothing here re-declares a field.
 */
import type { components, paths } from "@/api/schema";
import type { Body, Json, Query } from "@/api/lookup";

export type Conversation = components["schemas"]["Conversation"];
export type ConversationDetail = components["schemas"]["ConversationDetail"];
export type Message = components["schemas"]["Message"];
export type ConversationList = Json<paths["/api/v1/conversations"]["get"]["responses"][200]>;
export type ConversationListQuery = Query<paths["/api/v1/conversations"]["get"]>;
export type UpdateConversationBody = Body<paths["/api/v1/conversations/{id}"]["patch"]>;
export type ConversationTicketBody = Body<paths["/api/v1/conversations/{id}/ticket"]["post"]>;
export type ConversationTicket = components["schemas"]["ConversationTicket"];
