import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { isApiError } from "@/api/errors";
import { ErrorState, ForbiddenState } from "@/components/states/states";
import { Skeleton } from "@/components/ui/skeleton";

/**
 * One of the dashboard's six sections: an h2 and the section's query — a skeleton while
 * it first loads, the error (403 as forbidden) with a retry, then its panels.
 */
export function DashboardSection<T>({
  id,
  title,
  description,
  query,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  const headingId = `wa-${id}-title`;
  let content: ReactNode;
  if (query.data !== undefined) content = children(query.data);
  else if (query.isError)
    content =
      isApiError(query.error) && query.error.status === 403 ? (
        <ForbiddenState />
      ) : (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      );
  else
    content = (
      <div className="grid gap-4 md:grid-cols-2" aria-busy="true">
        <Skeleton className="h-56" />
        <Skeleton className="h-56" />
      </div>
    );
  return (
    <section
      aria-labelledby={headingId}
      data-testid={`wa-section-${id}`}
      data-state={query.data !== undefined ? "ready" : query.isError ? "error" : "loading"}
      className="mb-8"
    >
      <div className="mb-3">
        <h2 id={headingId} className="text-lg font-semibold text-navy-900">
          {title}
        </h2>
        {description ? <p className="text-sm text-muted">{description}</p> : null}
      </div>
      {content}
    </section>
  );
}
