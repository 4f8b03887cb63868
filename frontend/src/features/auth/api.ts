import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, call, session } from "@/api/client";
import type { LoginBody, Me, UpdateMeBody } from "@/api/types";
import i18n, { isLanguage } from "@/i18n";

export const meQueryOptions = queryOptions({
  queryKey: ["auth", "me"],
  queryFn: () => call(api.GET("/api/v1/auth/me")),
  staleTime: 5 * 60_000,
});

/** The signed-in user; only used below the authenticated layout, where it is loaded. */
export function useMe(): Me {
  const { data } = useQuery(meQueryOptions);
  if (!data) throw new Error("useMe() used outside the authenticated layout");
  return data;
}

/** Applies the language stored on the account. */
export function syncLanguage(me: Pick<Me, "language">): void {
  if (isLanguage(me.language) && i18n.language !== me.language)
    void i18n.changeLanguage(me.language);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => call(api.POST("/api/v1/auth/login", { body })),
    onSuccess: async (response) => {
      queryClient.clear();
      session.setTokens(response);
      const me = await queryClient.query(meQueryOptions);
      syncLanguage(me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const refreshToken = session.refreshToken;
      if (refreshToken) {
        // Best effort: the local session ends even if the server is unreachable.
        await call(
          api.POST("/api/v1/auth/logout", { body: { refresh_token: refreshToken } }),
        ).catch(() => undefined);
      }
    },
    onSettled: () => {
      session.end("logout");
      queryClient.clear();
    },
  });
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateMeBody) => call(api.PATCH("/api/v1/auth/me", { body })),
    onSuccess: (me) => {
      queryClient.setQueryData(meQueryOptions.queryKey, me);
      syncLanguage(me);
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { current_password: string; new_password: string }) =>
      call(api.POST("/api/v1/auth/change-password", { body })),
  });
}
