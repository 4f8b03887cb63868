/** Queries and mutations of the CRM work pages (pipeline, forecast, activities, tasks, calendar). */
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { api, call } from "@/api/client";
import type { Stage } from "@/api/enums.gen";
import { fromLocalInput } from "./lib/dates";
import { jpegName } from "./lib/image";
import { moveProspect } from "./lib/pipeline";
import type {
  ActivityListQuery,
  CreateActivityBody,
  CreateTaskBody,
  Pipeline,
  ProspectListQuery,
  TaskListQuery,
  UpdateProspectBody,
  UpdateTaskBody,
} from "./types";

export const crmWorkKeys = {
  all: ["crm-work"] as const,
  pipeline: (owner: string | undefined) => ["crm-work", "pipeline", owner ?? ""] as const,
  prospect: (id: string) => ["crm-work", "prospect", id] as const,
  prospects: (query: ProspectListQuery) => ["crm-work", "prospects", query] as const,
  forecast: (query: { from?: string; to?: string; owner?: string }) =>
    ["crm-work", "forecast", query] as const,
  activities: (query: ActivityListQuery) => ["crm-work", "activities", query] as const,
  activity: (id: string) => ["crm-work", "activity", id] as const,
  tasks: (query: TaskListQuery) => ["crm-work", "tasks", query] as const,
  task: (id: string) => ["crm-work", "task", id] as const,
  calendar: (query: { from: string; to: string; owner?: string }) =>
    ["crm-work", "calendar", query] as const,
  customers: (q: string) => ["crm-work", "customers", q] as const,
  people: (scope: string) => ["crm-work", "people", scope] as const,
  file: (id: string) => ["crm-work", "file", id] as const,
};

// ---- pipeline ---------------------------------------------------------------------

export function pipelineQueryOptions(owner: string | undefined) {
  return queryOptions({
    queryKey: crmWorkKeys.pipeline(owner),
    queryFn: () => call(api.GET("/api/v1/pipeline", { params: { query: owner ? { owner } : {} } })),
  });
}

export function prospectQueryOptions(id: string) {
  return queryOptions({
    queryKey: crmWorkKeys.prospect(id),
    queryFn: () => call(api.GET("/api/v1/prospects/{id}", { params: { path: { id } } })),
  });
}

export function prospectsQueryOptions(query: ProspectListQuery, enabled = true) {
  return queryOptions({
    queryKey: crmWorkKeys.prospects(query),
    queryFn: () => call(api.GET("/api/v1/prospects", { params: { query } })),
    enabled,
  });
}

export interface StageMove {
  prospectId: string;
  stage: Stage;
  lostReason?: string | undefined;
}

/**
 * Moves a card: the board changes at once (optimistic), goes back if the server says
 * no, and is reloaded either way so counts and sums are the server's.
 */
export function useChangeStage(owner: string | undefined) {
  const queryClient = useQueryClient();
  const key = crmWorkKeys.pipeline(owner);
  return useMutation({
    mutationFn: ({ prospectId, stage, lostReason }: StageMove) =>
      call(
        api.PATCH("/api/v1/prospects/{id}/stage", {
          params: { path: { id: prospectId } },
          body: { stage, ...(lostReason ? { lost_reason: lostReason } : {}) },
        }),
      ),
    onMutate: async ({ prospectId, stage, lostReason }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Pipeline>(key);
      if (previous) {
        queryClient.setQueryData<Pipeline>(
          key,
          moveProspect(previous, prospectId, stage, lostReason),
        );
      }
      return { previous };
    },
    onError: (_error, _move, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSettled: (_data, _error, { prospectId }) => {
      void queryClient.invalidateQueries({ queryKey: ["crm-work", "pipeline"] });
      void queryClient.invalidateQueries({ queryKey: ["crm-work", "forecast"] });
      void queryClient.invalidateQueries({ queryKey: crmWorkKeys.prospect(prospectId) });
      void queryClient.invalidateQueries({ queryKey: ["crm-work", "activities"] });
    },
  });
}

export function useUpdateProspect() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateProspectBody }) =>
      call(api.PATCH("/api/v1/prospects/{id}", { params: { path: { id } }, body })),
    onSuccess: (prospect) => {
      queryClient.setQueryData(crmWorkKeys.prospect(prospect.id), prospect);
      void queryClient.invalidateQueries({ queryKey: ["crm-work", "pipeline"] });
      void queryClient.invalidateQueries({ queryKey: ["crm-work", "forecast"] });
    },
  });
}

// ---- forecast ---------------------------------------------------------------------

export function forecastQueryOptions(query: { from?: string; to?: string; owner?: string }) {
  return queryOptions({
    queryKey: crmWorkKeys.forecast(query),
    queryFn: () => call(api.GET("/api/v1/forecast", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

// ---- activities -------------------------------------------------------------------

export function activitiesQueryOptions(query: ActivityListQuery) {
  return queryOptions({
    queryKey: crmWorkKeys.activities(query),
    queryFn: () => call(api.GET("/api/v1/activities", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function activityQueryOptions(id: string) {
  return queryOptions({
    queryKey: crmWorkKeys.activity(id),
    queryFn: () => call(api.GET("/api/v1/activities/{id}", { params: { path: { id } } })),
  });
}

export function useCreateActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateActivityBody; idempotencyKey: string }) =>
      call(
        api.POST("/api/v1/activities", {
          body,
          params: { header: { "Idempotency-Key": idempotencyKey } },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["crm-work", "activities"] });
      void queryClient.invalidateQueries({ queryKey: ["crm-work", "tasks"] });
      void queryClient.invalidateQueries({ queryKey: ["crm-work", "calendar"] });
    },
  });
}

/** Uploads a (downscaled) visit photo to the `prospect-evidence` bucket. */
export function uploadEvidence(photo: Blob, originalName: string) {
  return call(
    api.POST("/api/v1/files", {
      params: { query: { bucket: "prospect-evidence", name: jpegName(originalName) } },
      // The body is the file itself; the generated type describes it as bytes.
      body: photo as unknown as number[],
      bodySerializer: (body: unknown) => body as Blob,
      headers: { "Content-Type": photo.type || "image/jpeg" },
    }),
  );
}

/** A stored file as a Blob (the download needs the auth header, so no plain <img src>). */
export function fileBlobQueryOptions(id: string) {
  return queryOptions({
    queryKey: crmWorkKeys.file(id),
    queryFn: async () => {
      return call(api.GET("/api/v1/files/{id}", { params: { path: { id } }, parseAs: "blob" }));
    },
    staleTime: Infinity,
    gcTime: 5 * 60_000,
  });
}

// ---- tasks ------------------------------------------------------------------------

export function tasksQueryOptions(query: TaskListQuery) {
  return queryOptions({
    queryKey: crmWorkKeys.tasks(query),
    queryFn: () => call(api.GET("/api/v1/tasks", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function taskQueryOptions(id: string) {
  return queryOptions({
    queryKey: crmWorkKeys.task(id),
    queryFn: () => call(api.GET("/api/v1/tasks/{id}", { params: { path: { id } } })),
  });
}

function invalidateTasks(queryClient: ReturnType<typeof useQueryClient>) {
  void queryClient.invalidateQueries({ queryKey: ["crm-work", "tasks"] });
  void queryClient.invalidateQueries({ queryKey: ["crm-work", "task"] });
  void queryClient.invalidateQueries({ queryKey: ["crm-work", "calendar"] });
}

export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateTaskBody; idempotencyKey: string }) =>
      call(
        api.POST("/api/v1/tasks", {
          body,
          params: { header: { "Idempotency-Key": idempotencyKey } },
        }),
      ),
    onSuccess: () => invalidateTasks(queryClient),
  });
}

export function useUpdateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateTaskBody }) =>
      call(api.PATCH("/api/v1/tasks/{id}", { params: { path: { id } }, body })),
    onSuccess: () => invalidateTasks(queryClient),
  });
}

export function useDeleteTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(api.DELETE("/api/v1/tasks/{id}", { params: { path: { id } } })),
    onSuccess: () => invalidateTasks(queryClient),
  });
}

// ---- calendar ---------------------------------------------------------------------

export function calendarQueryOptions(query: { from: string; to: string; owner?: string }) {
  return queryOptions({
    queryKey: crmWorkKeys.calendar(query),
    queryFn: () => call(api.GET("/api/v1/calendar", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

// ---- pickers ----------------------------------------------------------------------

export function customerSearchQueryOptions(q: string) {
  return queryOptions({
    queryKey: crmWorkKeys.customers(q),
    queryFn: () =>
      call(
        api.GET("/api/v1/customers", {
          params: { query: { ...(q ? { q } : {}), per_page: 8, sort: "company_name" } },
        }),
      ),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** People a manager may filter by: their team (sales_manager) or every active user. */
export function peopleQueryOptions(managerId: string | null) {
  return queryOptions({
    queryKey: crmWorkKeys.people(managerId ?? "all"),
    queryFn: () =>
      call(
        api.GET("/api/v1/users", {
          params: {
            query: {
              is_active: true,
              per_page: 200,
              sort: "full_name",
              ...(managerId ? { manager_user_id: managerId } : {}),
            },
          },
        }),
      ),
    staleTime: 5 * 60_000,
  });
}

/** `datetime-local` value (Jakarta) → API instant, or undefined when empty. */
export function instantOrUndefined(value: string): string | undefined {
  return fromLocalInput(value) ?? undefined;
}
