/**
 * Writes of the KPI pages: targets (set, change, copy, split, delete), entries, evidence,
 * closing and reopening periods.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, call } from "@/api/client";
import { ApiError, isApiError } from "@/api/errors";
import { kpiKeys } from "./api";
import type {
  ClosePeriodBody,
  CopyTargetsBody,
  CreateEntryBody,
  CreateTargetBody,
  ReopenPeriodBody,
  SplitTargetBody,
  Target,
  TargetConflictBody,
  UpdateTargetBody,
} from "./types";

/** A 409 of a target write: the target in the way, when the caller may read it. */
export class TargetConflictError extends ApiError {
  readonly conflicting: Target | null;

  constructor(error: ApiError, conflicting: Target | null) {
    super(error.status, error.code, error.message, error.details, error.retryAfter);
    this.name = "TargetConflictError";
    this.conflicting = conflicting;
  }
}

export function isTargetConflict(error: unknown): error is TargetConflictError {
  return error instanceof TargetConflictError;
}

function conflictingTarget(body: unknown): Target | null {
  if (typeof body !== "object" || body === null) return null;
  const found = (body as Partial<TargetConflictBody>).conflicting_target;
  return found ?? null;
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** `call()` that keeps the conflicting target of a 409 (ApiError carries only the envelope). */
async function callTargetWrite<T>(request: Promise<FetchResult<T>>): Promise<T> {
  let body: unknown;
  try {
    return await call(
      request.then((r) => {
        body = r.error;
        return r;
      }),
    );
  } catch (error) {
    if (isApiError(error) && error.status === 409) {
      throw new TargetConflictError(error, conflictingTarget(body));
    }
    throw error;
  }
}

/** Every KPI figure may depend on a write: the whole module is refetched. */
function useInvalidateKpi() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: kpiKeys.all });
}

export function useCreateTarget() {
  const invalidate = useInvalidateKpi();
  return useMutation({
    mutationFn: (body: CreateTargetBody) =>
      callTargetWrite(api.POST("/api/v1/kpi/targets", { body })),
    onSuccess: () => void invalidate(),
  });
}

export function useUpdateTarget() {
  const invalidate = useInvalidateKpi();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateTargetBody }) =>
      callTargetWrite(api.PATCH("/api/v1/kpi/targets/{id}", { params: { path: { id } }, body })),
    onSuccess: () => void invalidate(),
  });
}

export function useDeleteTarget() {
  const invalidate = useInvalidateKpi();
  return useMutation({
    mutationFn: (id: string) =>
      call(api.DELETE("/api/v1/kpi/targets/{id}", { params: { path: { id } } })),
    onSuccess: () => void invalidate(),
  });
}

export function useCopyTargets() {
  const invalidate = useInvalidateKpi();
  return useMutation({
    mutationFn: (body: CopyTargetsBody) => call(api.POST("/api/v1/kpi/targets/copy", { body })),
    onSuccess: () => void invalidate(),
  });
}

export function useSplitTarget() {
  const invalidate = useInvalidateKpi();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: SplitTargetBody }) =>
      call(api.POST("/api/v1/kpi/targets/{id}/split", { params: { path: { id } }, body })),
    onSuccess: () => void invalidate(),
  });
}

export function useCreateEntry() {
  const invalidate = useInvalidateKpi();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateEntryBody; idempotencyKey: string }) =>
      call(
        api.POST("/api/v1/kpi/entries", {
          body,
          params: { header: { "Idempotency-Key": idempotencyKey } },
        }),
      ),
    onSuccess: () => void invalidate(),
  });
}

/** Closes a period for a department (KPI-5): the scorecards of it show the frozen figures. */
export function useClosePeriod() {
  const invalidate = useInvalidateKpi();
  return useMutation({
    mutationFn: (body: ClosePeriodBody) => call(api.POST("/api/v1/kpi/periods/close", { body })),
    onSuccess: () => void invalidate(),
  });
}

/** Reopens a closed period with the reason; the next close is a new revision. */
export function useReopenPeriod() {
  const invalidate = useInvalidateKpi();
  return useMutation({
    mutationFn: (body: ReopenPeriodBody) => call(api.POST("/api/v1/kpi/periods/reopen", { body })),
    onSuccess: () => void invalidate(),
  });
}

/** Uploads an entry's evidence (a photo or PDF) to the `kpi-evidence` bucket. */
export function uploadEvidence(file: File) {
  return call(
    api.POST("/api/v1/files", {
      params: { query: { bucket: "kpi-evidence", name: file.name } },
      // The body is the file itself; the generated type describes it as bytes.
      body: file as unknown as number[],
      bodySerializer: (body: unknown) => body as Blob,
      headers: { "Content-Type": file.type || "application/octet-stream" },
    }),
  );
}
