/** Named aliases for the Import Center endpoints, looked up from the generated OpenAPI paths. */
import type { components, paths } from "@/api/schema";
import type { Body, Json, Query } from "@/api/lookup";

export type Import = components["schemas"]["Import"];
export type ImportModuleInfo = components["schemas"]["ImportModuleInfo"];
export type ImportField = components["schemas"]["ImportField"];
export type ImportRow = components["schemas"]["ImportRow"];
export type RowProblem = components["schemas"]["RowError"];
/** A staged cell: text or a number as the sheet stored it (null: empty). */
export type CellValue = components["schemas"]["CellValue"];

export type ImportList = Json<paths["/api/v1/imports"]["get"]["responses"][200]>;
export type ImportListQuery = Query<paths["/api/v1/imports"]["get"]>;
export type ImportRowList = Json<paths["/api/v1/imports/{id}/rows"]["get"]["responses"][200]>;
export type ImportRowQuery = Query<paths["/api/v1/imports/{id}/rows"]["get"]>;
export type MappingBody = Body<paths["/api/v1/imports/{id}/mapping"]["put"]>;
export type RowCorrection = Body<paths["/api/v1/imports/{id}/rows/{row_number}"]["put"]>;
/** A corrected row's cells, one per header column. */
export type RowCells = RowCorrection["cells"];
export type RevertResult = Json<paths["/api/v1/imports/{id}/revert"]["post"]["responses"][200]>;
/** A column's field key, or null: the column is ignored. */
export type Mapping = MappingBody["mapping"];
