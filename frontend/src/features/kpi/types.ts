/** Named aliases for the KPI endpoints, looked up from the generated OpenAPI paths. */
import type { paths } from "@/api/schema";
import type { Body, Json, Query } from "@/api/lookup";

export type Metric = Json<paths["/api/v1/kpi/metrics"]["get"]["responses"][200]>[number];

export type Scorecard = Json<paths["/api/v1/kpi/scorecard"]["get"]["responses"][200]>;
export type ScoreRow = Scorecard["rows"][number];
export type TrendPoint = ScoreRow["trend"][number];
export type Drilldown = NonNullable<ScoreRow["drilldown"]>;
export type ScorecardQuery = Query<paths["/api/v1/kpi/scorecard"]["get"]>;

export type Trend = Json<paths["/api/v1/kpi/trend"]["get"]["responses"][200]>;
export type TrendQuery = Query<paths["/api/v1/kpi/trend"]["get"]>;

export type TargetList = Json<paths["/api/v1/kpi/targets"]["get"]["responses"][200]>;
export type Target = TargetList["data"][number];
export type TargetListQuery = Query<paths["/api/v1/kpi/targets"]["get"]>;
export type CreateTargetBody = Body<paths["/api/v1/kpi/targets"]["post"]>;
export type UpdateTargetBody = Body<paths["/api/v1/kpi/targets/{id}"]["patch"]>;
export type TargetConflictBody = Json<paths["/api/v1/kpi/targets"]["post"]["responses"][409]>;
export type CopyTargetsBody = Body<paths["/api/v1/kpi/targets/copy"]["post"]>;
export type CopyTargetsResult = Json<paths["/api/v1/kpi/targets/copy"]["post"]["responses"][200]>;
export type SplitTargetBody = Body<paths["/api/v1/kpi/targets/{id}/split"]["post"]>;

export type EntryList = Json<paths["/api/v1/kpi/entries"]["get"]["responses"][200]>;
export type Entry = EntryList["data"][number];
export type EntryListQuery = Query<paths["/api/v1/kpi/entries"]["get"]>;
export type CreateEntryBody = Body<paths["/api/v1/kpi/entries"]["post"]>;

export type ScorecardExportQuery = Query<paths["/api/v1/exports/kpi-scorecard"]["get"]>;
export type StoredFile = Json<paths["/api/v1/files"]["post"]["responses"][201]>;

export type PeriodClose = Json<paths["/api/v1/kpi/periods"]["get"]["responses"][200]>[number];
export type PeriodCloseQuery = Query<paths["/api/v1/kpi/periods"]["get"]>;
export type ClosePeriodBody = Body<paths["/api/v1/kpi/periods/close"]["post"]>;
export type ReopenPeriodBody = Body<paths["/api/v1/kpi/periods/reopen"]["post"]>;
