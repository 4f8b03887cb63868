import { useQuery } from "@tanstack/react-query";
import { Download, LayoutGrid, Rows3 } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { EmptyState } from "@/components/states/states";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { useErrorMessage } from "@/lib/error-message";
import { cn } from "@/lib/utils";
import { scorecardQueryOptions, TREND_MONTHS } from "../api";
import { FilterBar, KpiPage, QueryError } from "../components/kpi-page";
import { PeriodPicker } from "../components/period-picker";
import { ScopePicker } from "../components/scope-picker";
import { kpiViewSearch, useKpiSearch } from "../components/use-kpi-search";
import { exportScorecard } from "../exports";
import { scopeParams } from "../lib/scope";
import { MetricCard } from "./metric-card";
import { PeriodLine } from "./scorecard-header";
import { useAssigneeTitle } from "./use-assignee-title";
import { ScorecardTable } from "./scorecard-table";
import { StatusSummary } from "./status-summary";

function CardsSkeleton() {
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-busy="true">
      {Array.from({ length: 6 }, (_, i) => (
        <Skeleton key={i} className="h-56" />
      ))}
    </div>
  );
}

/**
 * KPI-4: the scorecard of a period — mine by default ("Scorecard saya"); managers pick
 * their team, a member or their department, the director the company. Cards or a
 * table, status counts, and the xlsx of the same view.
 */
export default function ScorecardPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { today, period, scope, search, set, setPeriod, setScope } = useKpiSearch();
  const assigneeTitle = useAssigneeTitle();
  const query = { period, ...scopeParams(scope) };
  const card = useQuery(scorecardQueryOptions(query));
  const [exporting, setExporting] = useState(false);
  const view = search.view === "table" ? "table" : "cards";
  const rows = card.data?.rows ?? [];
  const closed = rows.some((r) => r.closed_revision !== null && r.closed_revision !== undefined);
  const viewSearch = kpiViewSearch(search);
  const trendHref = (metric: string) =>
    `/kpi/trend${viewSearch}${viewSearch ? "&" : "?"}metric=${encodeURIComponent(metric)}`;

  const runExport = () => {
    setExporting(true);
    exportScorecard({ ...query, months: TREND_MONTHS })
      .catch((e: unknown) => toast.error(errorMessage(e)))
      .finally(() => setExporting(false));
  };

  const title =
    scope.kind === "me"
      ? t("kpi.scorecard.titleMine")
      : t("kpi.scorecard.titleOf", { name: assigneeTitle(scope, card.data) });

  let content;
  if (card.isPending) content = <CardsSkeleton />;
  else if (card.isError)
    content = <QueryError error={card.error} onRetry={() => void card.refetch()} />;
  else if (rows.length === 0)
    content = (
      <EmptyState title={t("kpi.scorecard.empty")} description={t("kpi.scorecard.emptyBody")} />
    );
  else
    content = (
      <>
        <StatusSummary rows={rows} />
        {closed ? (
          <Alert variant="info" className="mb-4" data-testid="kpi-closed-note">
            {t("kpi.scorecard.closedNote")}
          </Alert>
        ) : null}
        {view === "table" ? (
          <ScorecardTable rows={rows} caption={title} trendHref={trendHref} />
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-label={title}>
            {rows.map((row) => (
              <li key={row.metric_key} className="flex">
                <MetricCard row={row} today={today} trendHref={trendHref(row.metric_key)} />
              </li>
            ))}
          </ul>
        )}
      </>
    );

  return (
    <KpiPage
      title={<span data-testid="kpi-title">{title}</span>}
      description={<PeriodLine period={period} card={card.data} />}
      actions={
        <Button
          variant="outline"
          onClick={runExport}
          disabled={exporting || !card.data}
          data-testid="kpi-export"
        >
          {exporting ? <Spinner /> : <Download aria-hidden />}
          {t("kpi.scorecard.export")}
        </Button>
      }
    >
      <FilterBar>
        <PeriodPicker value={period} onChange={setPeriod} today={today} />
        <ScopePicker value={scope} onChange={setScope} assigneeName={card.data?.assignee.name} />
        <div
          role="group"
          aria-label={t("kpi.scorecard.view")}
          className="ml-auto flex rounded-md border border-border p-0.5"
        >
          {(["cards", "table"] as const).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={view === v}
              data-testid={`kpi-view-${v}`}
              onClick={() => set({ view: v === "cards" ? undefined : v })}
              className={cn(
                "inline-flex items-center gap-1.5 rounded px-2.5 py-1 text-xs font-medium",
                view === v ? "bg-navy-900 text-white" : "text-slate-700 hover:bg-navy-50",
              )}
            >
              {v === "cards" ? (
                <LayoutGrid aria-hidden className="size-3.5" />
              ) : (
                <Rows3 aria-hidden className="size-3.5" />
              )}
              {t(`kpi.scorecard.views.${v}`)}
            </button>
          ))}
        </div>
      </FilterBar>
      {content}
    </KpiPage>
  );
}
