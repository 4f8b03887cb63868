import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "@/components/states/states";
import { Select } from "@/components/ui/select";
import { currentLocale } from "@/i18n";
import { useEnumLabel } from "@/lib/enums";
import { metricsQueryOptions, scorecardQueryOptions, trendQueryOptions } from "../api";
import { FilterBar, KpiPage, QueryError } from "../components/kpi-page";
import { metricName } from "../components/metric-name";
import { PeriodPicker } from "../components/period-picker";
import { ScopePicker } from "../components/scope-picker";
import { useDeptName } from "../components/use-dept-name";
import { TrendPanel } from "../components/trend-panel";
import { useKpiSearch } from "../components/use-kpi-search";
import { KPI_SOURCE_LABEL, KPI_UNIT_LABEL } from "../labels";
import { periodLabel } from "../lib/period";
import { scopeParams, type Scope } from "../lib/scope";
import { useAssigneeTitle } from "../scorecard/use-assignee-title";
import type { Metric } from "../types";

/** The education line's charts (seed 003): "target omzet" and "target siswa". */
const EDUCATION = [
  { metric: "revenue_target", title: "kpi.trend.revenueTarget" },
  { metric: "new_students", title: "kpi.trend.newStudents" },
] as const;

function MetricTrend({
  metric,
  period,
  scope,
  title,
  testId,
}: {
  metric: Metric;
  period: string;
  scope: Scope;
  title?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const sourceLabel = useEnumLabel(KPI_SOURCE_LABEL);
  const unitLabel = useEnumLabel(KPI_UNIT_LABEL);
  const assigneeTitle = useAssigneeTitle();
  const trend = useQuery(
    trendQueryOptions({ metric_key: metric.metric_key, period, ...scopeParams(scope) }),
  );
  const who = trend.data ? assigneeTitle(scope, trend.data) : null;
  return (
    <TrendPanel
      testId={testId}
      title={title ?? metricName(metric, locale)}
      description={[
        title ? metricName(metric, locale) : null,
        sourceLabel(metric.source),
        unitLabel(metric.unit),
        metric.direction === "down" ? t("kpi.card.lowerBetter") : null,
        who,
      ]
        .filter(Boolean)
        .join(" · ")}
      unit={metric.unit}
      points={trend.data?.points}
      isLoading={trend.isPending}
      error={trend.error}
      onRetry={() => void trend.refetch()}
    />
  );
}

/** Per metric, six months of target (line) vs actual (bars), with the education charts. */
export default function TrendPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const id = useId();
  const deptName = useDeptName();
  const { today, period, scope, search, set, setPeriod, setScope } = useKpiSearch();
  const scopeQuery = scopeParams(scope);
  const metrics = useQuery(metricsQueryOptions);
  const card = useQuery(scorecardQueryOptions({ period, ...scopeQuery }));
  const all = metrics.data ?? [];
  const onCard = new Set((card.data?.rows ?? []).map((r) => r.metric_key));
  const chosen =
    all.find((m) => m.metric_key === search.metric) ??
    all.find((m) => onCard.has(m.metric_key)) ??
    all[0];
  const education = EDUCATION.flatMap((e) => {
    const metric = all.find((m) => m.metric_key === e.metric);
    return metric && onCard.has(e.metric) ? [{ ...e, metric }] : [];
  });
  const depts = [...new Set(all.map((m) => m.dept))];

  let content;
  if (metrics.isPending) content = null;
  else if (metrics.isError)
    content = <QueryError error={metrics.error} onRetry={() => void metrics.refetch()} />;
  else if (card.isError)
    content = <QueryError error={card.error} onRetry={() => void card.refetch()} />;
  else if (!chosen) content = <EmptyState title={t("kpi.trend.noMetrics")} />;
  else
    content = (
      <div className="flex flex-col gap-4">
        <MetricTrend
          key={chosen.metric_key}
          metric={chosen}
          period={period}
          scope={scope}
          testId="kpi-trend-main"
        />
        {education.length > 0 ? (
          <section aria-labelledby={`${id}-edu`} className="flex flex-col gap-3">
            <h2 id={`${id}-edu`} className="text-lg font-semibold text-navy-900">
              {t("kpi.trend.education")}
            </h2>
            <div className="grid gap-4 xl:grid-cols-2">
              {education.map((e) => (
                <MetricTrend
                  key={e.metric.metric_key}
                  metric={e.metric}
                  period={period}
                  scope={scope}
                  title={t(e.title)}
                  testId={`kpi-trend-${e.metric.metric_key}`}
                />
              ))}
            </div>
          </section>
        ) : null}
      </div>
    );

  return (
    <KpiPage
      title={t("kpi.trend.title")}
      description={t("kpi.trend.subtitle", { period: periodLabel(period, locale) })}
    >
      <FilterBar>
        <div className="flex w-full flex-col gap-1 sm:w-72">
          <label htmlFor={`${id}-metric`} className="text-xs font-medium text-slate-700">
            {t("kpi.fields.metric")}
          </label>
          <Select
            id={`${id}-metric`}
            value={chosen?.metric_key ?? ""}
            onChange={(e) => set({ metric: e.target.value || undefined })}
            data-testid="kpi-trend-metric"
          >
            {depts.map((dept) => (
              <optgroup key={dept} label={deptName(dept)}>
                {all
                  .filter((m) => m.dept === dept)
                  .map((m) => (
                    <option key={m.metric_key} value={m.metric_key}>
                      {metricName(m, locale)}
                    </option>
                  ))}
              </optgroup>
            ))}
          </Select>
        </div>
        <PeriodPicker value={period} onChange={setPeriod} today={today} />
        <ScopePicker value={scope} onChange={setScope} assigneeName={card.data?.assignee.name} />
      </FilterBar>
      {content}
    </KpiPage>
  );
}
