/** Named aliases for the personal report endpoints, looked up from the generated OpenAPI paths. */
import type { paths } from "@/api/schema";
import type { Json } from "@/api/lookup";

export type MeReport = Json<paths["/api/v1/me/report"]["get"]["responses"][200]>;
export type LeadsSection = NonNullable<MeReport["leads"]>;
export type ActivitiesSection = NonNullable<MeReport["activities"]>;
export type TasksSection = NonNullable<MeReport["tasks"]>;
export type TicketsSection = NonNullable<MeReport["tickets"]>;
export type TargetsSection = NonNullable<MeReport["targets"]>;
export type ArSection = NonNullable<MeReport["ar"]>;
