import { isApiError } from "@/api/errors";
import { ErrorState, ForbiddenState, NotFoundState } from "@/components/states/states";

/** A failed page-level query: 403 forbidden, 404 not found, anything else error + retry. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  if (isApiError(error) && error.status === 403) return <ForbiddenState />;
  if (isApiError(error) && error.status === 404) return <NotFoundState />;
  return <ErrorState error={error} onRetry={onRetry} />;
}
