/** The URL state of the history and error-row tables (no component import: routes read this file). */
import { IMPORT_MODULE_VALUES, ROW_STATUS_VALUES } from "@/api/enums.gen";
import { isOneOf } from "@/lib/enums";
import type { TableConfig, toApiQuery } from "@/lib/table-state";
import type { ImportListQuery, ImportRowQuery } from "./types";

type ApiListQuery<F extends string> = ReturnType<typeof toApiQuery<F>>;

export type HistoryFilter = "module";

/** GET /imports filters by module and pages; it is always newest first. */
export const HISTORY_TABLE: TableConfig<HistoryFilter> = {
  filters: ["module"],
  sortable: [],
  defaultPerPage: 10,
};

export const HISTORY_SEARCH_KEYS = ["page", "per_page", "hide", ...HISTORY_TABLE.filters] as const;

export function historyQuery(api: ApiListQuery<HistoryFilter>): ImportListQuery {
  const { module, page, per_page } = api;
  return { page, per_page, ...(isOneOf(IMPORT_MODULE_VALUES, module) ? { module } : {}) };
}

export type RowsFilter = "status";

/** GET /imports/{id}/rows: rows in spreadsheet order, by status (the failed ones first shown). */
export const ROWS_TABLE: TableConfig<RowsFilter> = {
  filters: ["status"],
  sortable: [],
};

export const ROWS_SEARCH_KEYS = ["page", "per_page", "hide", ...ROWS_TABLE.filters] as const;

/** The row status shown when the URL names none. */
export const DEFAULT_ROW_STATUS = "error" satisfies ImportRowQuery["status"];

export function rowsQuery(api: ApiListQuery<RowsFilter>): ImportRowQuery {
  const { status, page, per_page } = api;
  return {
    page,
    per_page,
    status: isOneOf(ROW_STATUS_VALUES, status) ? status : DEFAULT_ROW_STATUS,
  };
}
