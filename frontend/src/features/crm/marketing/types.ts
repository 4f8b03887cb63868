/**
 * Named aliases for the marketing endpoints, looked up from the generated OpenAPI paths
 * (src/api/schema.d.ts); nothing here re-declares a field.
 */
import type { paths } from "@/api/schema";
import type { Json, Body, Query } from "@/api/lookup";

export type SpendList = Json<paths["/api/v1/marketing/spend"]["get"]["responses"][200]>;
export type Spend = SpendList["data"][number];
export type SpendListQuery = Query<paths["/api/v1/marketing/spend"]["get"]>;
export type CreateSpendBody = Body<paths["/api/v1/marketing/spend"]["post"]>;

export type EventList = Json<paths["/api/v1/marketing/events"]["get"]["responses"][200]>;
export type MarketingEvent = EventList["data"][number];
export type EventListQuery = Query<paths["/api/v1/marketing/events"]["get"]>;
export type CreateEventBody = Body<paths["/api/v1/marketing/events"]["post"]>;

export type Channel = Json<paths["/api/v1/channels"]["get"]["responses"][200]>[number];
