import createClient from "openapi-fetch";
import { ApiError, isApiError } from "./errors";
import type { paths } from "./schema";
import { AuthSession, createAuthFetch, localStorageTokens, webLock } from "./session";

/** Paths in the OpenAPI document already carry the `/api/v1` prefix. */
const BASE_URL = "";

/** Unauthenticated client: login and refresh only. */
const publicApi = createClient<paths>({ baseUrl: BASE_URL });

export const session = new AuthSession({
  storage: localStorageTokens(),
  lock: webLock,
  async refresh(refreshToken) {
    return call(publicApi.POST("/api/v1/auth/refresh", { body: { refresh_token: refreshToken } }));
  },
});

if (typeof window !== "undefined") {
  window.addEventListener("storage", (e) => {
    if (e.key === "cc.session") session.reloadFromStorage();
  });
}

/** The typed API client every feature uses. */
export const api = createClient<paths>({
  baseUrl: BASE_URL,
  fetch: createAuthFetch(session, {
    publicPaths: ["/auth/login", "/auth/refresh", "/auth/logout"],
  }),
});

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Awaits an openapi-fetch call and returns its data, or throws an ApiError carrying
 * the server's `code`, `details` and Retry-After (status 0 for network failures).
 */
export async function call<T>(request: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await request;
  } catch (error) {
    if (isApiError(error)) throw error;
    throw ApiError.network(error);
  }
  if (!result.response.ok) throw await ApiError.fromResponse(result.response, result.error);
  return result.data as T;
}
