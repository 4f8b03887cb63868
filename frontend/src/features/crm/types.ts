/** Named aliases for the CRM record endpoints, looked up from the generated OpenAPI paths. */
import type { paths } from "@/api/schema";
import type { Json, Body, Query } from "@/api/lookup";

export type LeadList = Json<paths["/api/v1/leads"]["get"]["responses"][200]>;
export type Lead = LeadList["data"][number];
export type LeadListQuery = Query<paths["/api/v1/leads"]["get"]>;
export type CreateLeadBody = Body<paths["/api/v1/leads"]["post"]>;
export type LeadBundle = Json<paths["/api/v1/leads"]["post"]["responses"][201]>;
export type UpdateLeadBody = Body<paths["/api/v1/leads/{id}"]["patch"]>;

export type CustomerList = Json<paths["/api/v1/customers"]["get"]["responses"][200]>;
export type Customer = CustomerList["data"][number];
export type CustomerListQuery = Query<paths["/api/v1/customers"]["get"]>;
export type Customer360 = Json<paths["/api/v1/customers/{id}"]["get"]["responses"][200]>;
export type UpdateCustomerBody = Body<paths["/api/v1/customers/{id}"]["patch"]>;
export type TimelineEntry = Json<
  paths["/api/v1/customers/{id}/timeline"]["get"]["responses"][200]
>[number];
export type DuplicatePair = Json<
  paths["/api/v1/customers/duplicates"]["get"]["responses"][200]
>[number];
