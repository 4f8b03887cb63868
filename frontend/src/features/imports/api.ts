/** Queries and downloads of the Import Center (GET imports/…, exports/import-rows). */
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api, call } from "@/api/client";
import type { ImportModule, RowStatus } from "@/api/enums.gen";
import { saveBlob } from "@/lib/download";
import { isRunning } from "./lib/status";
import type { ImportListQuery, ImportRowQuery } from "./types";

/** How often a running import is read again (its progress bar). */
export const POLL_MS = 700;

export const importKeys = {
  all: ["imports"] as const,
  modules: ["imports", "modules"] as const,
  list: (query: ImportListQuery) => ["imports", "list", query] as const,
  detail: (id: string) => ["imports", "detail", id] as const,
  /** Every page and status of one import's rows. */
  rowsOf: (id: string) => ["imports", "rows", id] as const,
  rows: (id: string, query: ImportRowQuery, run: string) =>
    ["imports", "rows", id, query, run] as const,
};

/**
 * The modules the user may import into, with their columns. Rights follow the role,
 * which does not change within a session: read once. Empty: no Import Center.
 */
export const importModulesQueryOptions = queryOptions({
  queryKey: importKeys.modules,
  queryFn: () => call(api.GET("/api/v1/imports/modules")),
  staleTime: 30 * 60_000,
});

export function importsQueryOptions(query: ImportListQuery) {
  return queryOptions({
    queryKey: importKeys.list(query),
    queryFn: () => call(api.GET("/api/v1/imports", { params: { query } })),
    placeholderData: keepPreviousData,
    // A running import in the list moves on by itself.
    refetchInterval: (q) =>
      q.state.data?.data.some((i) => isRunning(i.status)) ? POLL_MS * 3 : false,
  });
}

/** One import; read every POLL_MS while the worker runs it. */
export function importQueryOptions(id: string) {
  return queryOptions({
    queryKey: importKeys.detail(id),
    queryFn: () => call(api.GET("/api/v1/imports/{id}", { params: { path: { id } } })),
    refetchInterval: (q) => (q.state.data && isRunning(q.state.data.status) ? POLL_MS : false),
  });
}

/**
 * A page of the import's rows; `run` names the run they came from (status and time
 * processed), so the rows are read again when a run ends.
 */
export function importRowsQueryOptions(id: string, run: string) {
  return (query: ImportRowQuery) =>
    queryOptions({
      queryKey: importKeys.rows(id, query, run),
      queryFn: () =>
        call(api.GET("/api/v1/imports/{id}/rows", { params: { path: { id }, query } })),
      placeholderData: keepPreviousData,
    });
}

/** The module's .xlsx template (headers, an example row, a sheet of instructions). */
export async function downloadTemplate(module: ImportModule): Promise<void> {
  const blob = await call(
    api.GET("/api/v1/imports/templates/{module}", {
      params: { path: { module } },
      parseAs: "blob",
    }),
  );
  saveBlob(blob, `template_${module}.xlsx`);
}

/** The import's rows of one status as .xlsx, with their problems (to fix and upload again). */
export async function downloadRows(
  importId: string,
  importCode: string,
  status: RowStatus,
): Promise<void> {
  const blob = await call(
    api.GET("/api/v1/exports/import-rows", {
      params: { query: { import_id: importId, status } },
      parseAs: "blob",
    }),
  );
  saveBlob(blob, `${importCode}_${status}.xlsx`);
}
