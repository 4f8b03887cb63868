import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { api, call } from "@/api/client";
import type { CreateApiKeyBody } from "@/api/types";
import type { TableState } from "@/lib/table-state";

export function apiKeysQueryOptions(state: TableState<never>) {
  const query = { page: state.page, per_page: state.perPage };
  return queryOptions({
    queryKey: ["api-keys", "list", query],
    queryFn: () => call(api.GET("/api/v1/api-keys", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateApiKeyBody; idempotencyKey: string }) =>
      call(
        api.POST("/api/v1/api-keys", {
          body,
          params: { header: { "Idempotency-Key": idempotencyKey } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["api-keys"] }),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(api.DELETE("/api/v1/api-keys/{id}", { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["api-keys"] }),
  });
}
