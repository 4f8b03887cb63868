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

// CRM work: pipeline, forecast, activities, tasks, calendar, files, people.
export type Pipeline = Json<paths["/api/v1/pipeline"]["get"]["responses"][200]>;
export type PipelineColumn = Pipeline["columns"][number];
export type Prospect = PipelineColumn["prospects"][number];
export type ProspectDetail = Json<paths["/api/v1/prospects/{id}"]["get"]["responses"][200]>;
export type StageChange = ProspectDetail["stage_history"][number];
export type UpdateProspectBody = Body<paths["/api/v1/prospects/{id}"]["patch"]>;
export type ChangeStageBody = Body<paths["/api/v1/prospects/{id}/stage"]["patch"]>;
export type ProspectListQuery = Query<paths["/api/v1/prospects"]["get"]>;

export type Forecast = Json<paths["/api/v1/forecast"]["get"]["responses"][200]>;
export type ForecastMonth = Forecast["months"][number];

export type ActivityList = Json<paths["/api/v1/activities"]["get"]["responses"][200]>;
export type Activity = ActivityList["data"][number];
export type ActivityListQuery = Query<paths["/api/v1/activities"]["get"]>;
export type CreateActivityBody = Body<paths["/api/v1/activities"]["post"]>;
export type CreatedActivity = Json<paths["/api/v1/activities"]["post"]["responses"][201]>;

export type TaskList = Json<paths["/api/v1/tasks"]["get"]["responses"][200]>;
export type Task = TaskList["data"][number];
export type TaskListQuery = Query<paths["/api/v1/tasks"]["get"]>;
export type CreateTaskBody = Body<paths["/api/v1/tasks"]["post"]>;
export type UpdateTaskBody = Body<paths["/api/v1/tasks/{id}"]["patch"]>;

export type CalendarEntry = Json<paths["/api/v1/calendar"]["get"]["responses"][200]>[number];

export type StoredFile = Json<paths["/api/v1/files"]["post"]["responses"][201]>;
export type UserList = Json<paths["/api/v1/users"]["get"]["responses"][200]>;
export type Person = UserList["data"][number];
