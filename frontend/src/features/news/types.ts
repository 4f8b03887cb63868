/** Named aliases for the news endpoints, looked up from the generated OpenAPI paths. */
import type { paths } from "@/api/schema";
import type { Body, Json, Query } from "@/api/lookup";

export type NewsList = Json<paths["/api/v1/news"]["get"]["responses"][200]>;
export type News = NewsList["data"][number];
export type NewsListQuery = Query<paths["/api/v1/news"]["get"]>;
export type CreateNewsBody = Body<paths["/api/v1/news"]["post"]>;
export type UpdateNewsBody = Body<paths["/api/v1/news/{id}"]["patch"]>;
