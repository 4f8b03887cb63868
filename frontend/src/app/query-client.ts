import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { isApiError } from "@/api/errors";
import i18n from "@/i18n";

/**
 * Server failures (5xx, network) raise ONE toast, however many queries fail together
 * (a fixed toast id collapses them). 401 is handled by the auth fetch (refresh or
 * redirect to login); 4xx are shown where they happen (forms, error states).
 */
export function notifyServerError(error: unknown): void {
  if (!isApiError(error) || !error.isServerError) return;
  const message = error.status === 0 ? i18n.t("errors.networkToast") : i18n.t("errors.serverToast");
  toast.error(message, {
    id: "server-error",
    description: error.status ? `HTTP ${error.status}` : undefined,
  });
}

function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && !error.isServerError) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: notifyServerError }),
    mutationCache: new MutationCache({ onError: notifyServerError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: shouldRetry,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
