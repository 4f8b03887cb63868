import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { api, call } from "@/api/client";
import type { CreateUserBody, UpdateUserBody, UserListQuery } from "@/api/types";
import { toApiQuery, type TableState } from "@/lib/table-state";
import type { UsersFilter } from "./table";

export function userListQuery(state: TableState<UsersFilter>): UserListQuery {
  const { is_active, ...rest } = toApiQuery(state);
  return {
    ...rest,
    ...(is_active === "true" || is_active === "false" ? { is_active: is_active === "true" } : {}),
  };
}

export const usersKeys = {
  all: ["users"] as const,
  list: (query: UserListQuery) => ["users", "list", query] as const,
  managers: ["users", "managers"] as const,
};

export function usersQueryOptions(query: UserListQuery) {
  return queryOptions({
    queryKey: usersKeys.list(query),
    queryFn: () => call(api.GET("/api/v1/users", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** Active users to pick a manager from. */
export const managersQueryOptions = queryOptions({
  queryKey: usersKeys.managers,
  queryFn: () =>
    call(
      api.GET("/api/v1/users", {
        params: { query: { is_active: true, per_page: 200, sort: "full_name" } },
      }),
    ),
  staleTime: 60_000,
});

export const rolesQueryOptions = queryOptions({
  queryKey: ["roles"],
  queryFn: () => call(api.GET("/api/v1/roles")),
  staleTime: Infinity,
});

export const departmentsQueryOptions = queryOptions({
  queryKey: ["departments"],
  queryFn: () => call(api.GET("/api/v1/departments")),
  staleTime: Infinity,
});

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateUserBody; idempotencyKey: string }) =>
      call(
        api.POST("/api/v1/users", {
          body,
          params: { header: { "Idempotency-Key": idempotencyKey } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKeys.all }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserBody }) =>
      call(api.PATCH("/api/v1/users/{id}", { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKeys.all }),
  });
}

export function useDeactivateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(api.POST("/api/v1/users/{id}/deactivate", { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKeys.all }),
  });
}
