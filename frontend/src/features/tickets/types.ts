/**
 * Named aliases for the ticket endpoints, looked up from the generated OpenAPI paths
 * (src/api/schema.d.ts); nothing here re-declares a field.
 */
import type { paths } from "@/api/schema";
import type { Json, Body, Query } from "@/api/lookup";

export type TicketList = Json<paths["/api/v1/tickets"]["get"]["responses"][200]>;
export type Ticket = TicketList["data"][number];
export type TicketListQuery = Query<paths["/api/v1/tickets"]["get"]>;
export type TicketDetail = Json<paths["/api/v1/tickets/{id}"]["get"]["responses"][200]>;
export type TicketComment = TicketDetail["comments"][number];
export type SlaEvent = TicketDetail["sla_events"][number];
export type BroadcastEntry = TicketDetail["broadcast_history"][number];
export type CreateTicketBody = Body<paths["/api/v1/tickets"]["post"]>;
export type UpdateTicketBody = Body<paths["/api/v1/tickets/{id}"]["patch"]>;
export type CreateCommentBody = Body<paths["/api/v1/tickets/{id}/comments"]["post"]>;
export type SlaReport = Json<paths["/api/v1/tickets/sla"]["get"]["responses"][200]>;
export type SlaLine = SlaReport["totals"];
