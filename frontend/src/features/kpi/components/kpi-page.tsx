import type { ReactNode } from "react";
import { isApiError } from "@/api/errors";
import { PageHeader } from "@/components/layout/page-header";
import { ErrorState, ForbiddenState } from "@/components/states/states";
import { KpiNav } from "./kpi-nav";

/** Header of every KPI page (title, description, actions) and the KPI tabs. */
export function KpiPage({
  title,
  description,
  actions,
  children,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <PageHeader title={title} description={description} actions={actions} />
      <KpiNav />
      {children}
    </>
  );
}

/** A failed page-level query: 403 gets the forbidden state, anything else error + retry. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  if (isApiError(error) && error.status === 403) return <ForbiddenState />;
  return <ErrorState error={error} onRetry={onRetry} />;
}

/** A toolbar row of filters above a page's content. */
export function FilterBar({ children }: { children: ReactNode }) {
  return (
    <div className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-border bg-surface p-3 shadow-xs">
      {children}
    </div>
  );
}
