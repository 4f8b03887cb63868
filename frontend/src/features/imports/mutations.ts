/** Writes of the Import Center: upload, mapping, row corrections, process, revert. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, call } from "@/api/client";
import type { ImportModule } from "@/api/enums.gen";
import { importKeys } from "./api";
import type { Import, Mapping, RowCells } from "./types";

/** The import as the server answered: the detail page shows it without a round trip. */
function useStoreImport() {
  const queryClient = useQueryClient();
  return (imp: Import) => {
    queryClient.setQueryData(importKeys.detail(imp.id), imp);
    void queryClient.invalidateQueries({ queryKey: ["imports", "list"] });
  };
}

/**
 * Stages a spreadsheet: a new import (201), or the import of the same file uploaded
 * before (200, `existing`).
 */
export function useUploadImport() {
  const store = useStoreImport();
  return useMutation({
    mutationFn: async ({ module, file }: { module: ImportModule; file: File }) => {
      const form = new FormData();
      form.append("module", module);
      form.append("file", file, file.name);
      let existing = false;
      const imported = await call(
        api
          .POST("/api/v1/imports", {
            // The generated type of the multipart body reads the file as a string (binary);
            // the FormData goes as is.
            body: form as unknown as { module: ImportModule; file: string },
            bodySerializer: (body: unknown) => body as FormData,
          })
          .then((result) => {
            existing = result.response.status === 200;
            return result;
          }),
      );
      return { imported, existing };
    },
    onSuccess: ({ imported }) => store(imported),
  });
}

export function useSaveMapping(id: string) {
  const store = useStoreImport();
  return useMutation({
    mutationFn: (mapping: Mapping) =>
      call(
        api.PUT("/api/v1/imports/{id}/mapping", { params: { path: { id } }, body: { mapping } }),
      ),
    onSuccess: store,
  });
}

/** Reads one import and its rows again (and the history that lists it). */
export function useRefreshImport(id: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: importKeys.rowsOf(id) }),
      queryClient.invalidateQueries({ queryKey: importKeys.detail(id) }),
      queryClient.invalidateQueries({ queryKey: ["imports", "list"] }),
    ]);
}

/**
 * Fixes an error row in place: its cells replaced, the row `pending` again (written by
 * the next run); the import and its rows are read again before the caller hears of it.
 * A refusal refreshes nothing by itself: the page showing the refusal (a 404 when a
 * run moved the row on) may be one that the refresh would take away.
 */
export function useCorrectRow(id: string) {
  const refresh = useRefreshImport(id);
  return useMutation({
    mutationFn: ({ rowNumber, cells }: { rowNumber: number; cells: RowCells }) =>
      call(
        api.PUT("/api/v1/imports/{id}/rows/{row_number}", {
          params: { path: { id, row_number: rowNumber } },
          body: { cells },
        }),
      ),
    onSuccess: refresh,
  });
}

/** Starts a run (202); the import comes back queued and is polled from there. */
export function useProcessImport(id: string) {
  const store = useStoreImport();
  return useMutation({
    mutationFn: () => call(api.POST("/api/v1/imports/{id}/process", { params: { path: { id } } })),
    onSuccess: store,
  });
}

/** Removes what the import created; refused (409) while running or when a record is in use. */
export function useRevertImport(id: string) {
  const store = useStoreImport();
  const invalidateTargets = useInvalidateTargets();
  return useMutation({
    mutationFn: () => call(api.POST("/api/v1/imports/{id}/revert", { params: { path: { id } } })),
    onSuccess: (result) => {
      store(result.import);
      invalidateTargets();
    },
  });
}

/**
 * An import wrote (or a revert removed) records other pages show: invoices, leads, KPI
 * entries… Everything but the session and the imports is read again when next shown.
 */
export function useInvalidateTargets() {
  const queryClient = useQueryClient();
  return () =>
    void queryClient.invalidateQueries({
      predicate: (q) => q.queryKey[0] !== "auth" && q.queryKey[0] !== importKeys.all[0],
    });
}
