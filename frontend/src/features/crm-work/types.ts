/**
 * Named aliases for the CRM-work endpoints, looked up from the generated OpenAPI paths
 * (src/api/schema.d.ts); nothing here re-declares a field.
 */
import type { paths } from "@/api/schema";
import type { Json, Body, Query } from "@/api/lookup";

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

export type CustomerList = Json<paths["/api/v1/customers"]["get"]["responses"][200]>;
export type Customer = CustomerList["data"][number];

export type StoredFile = Json<paths["/api/v1/files"]["post"]["responses"][201]>;
export type UserList = Json<paths["/api/v1/users"]["get"]["responses"][200]>;
export type Person = UserList["data"][number];
