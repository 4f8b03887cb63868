import { ArrowDownRight, ChartColumn } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Card } from "@/components/ui/card";
import { hasMenu } from "@/features/auth/access";
import { useMe } from "@/features/auth/api";
import { currentLocale } from "@/i18n";
import { cn } from "@/lib/utils";
import { AchievementBar } from "../components/achievement-bar";
import { AppLink } from "../components/app-link";
import { KpiStatusBadge, ProvenanceBadge } from "../components/badges";
import { ClosedBadge, DriftNote } from "../components/closed-badges";
import { metricName } from "../components/metric-name";
import { Sparkline } from "../components/sparkline";
import { drilldownLink } from "../lib/drilldown";
import { formatKpiValue } from "../lib/format";
import type { ScoreRow } from "../types";

const linkClass = "underline decoration-navy-300 underline-offset-4 hover:decoration-navy-900";

/** The actual: NA (no data source) is said, never shown as 0; AUTO actuals drill down. */
function Actual({ row, today }: { row: ScoreRow; today: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const locale = currentLocale();
  if (row.actual === null || row.actual === undefined) {
    return (
      <p data-testid="kpi-actual" data-na="true">
        <span className="text-2xl font-semibold text-slate-500">{t("kpi.status.na")}</span>
        <span className="ml-2 text-sm text-muted">{t("kpi.card.naBody")}</span>
      </p>
    );
  }
  const value = formatKpiValue(row.actual, row.unit, locale);
  const link = row.drilldown ? drilldownLink(row.drilldown.resource, row.drilldown, today) : null;
  return (
    <p className="text-2xl font-semibold text-navy-900 tabular-nums">
      {link && hasMenu(me, link.menu) ? (
        <AppLink
          href={link.href}
          className={linkClass}
          data-testid="kpi-actual"
          title={t("kpi.card.drilldown")}
          aria-label={t("kpi.card.drilldownFor", { value, name: metricName(row, locale) })}
        >
          {value}
        </AppLink>
      ) : (
        <span data-testid="kpi-actual">{value}</span>
      )}
    </p>
  );
}

/**
 * One metric of a scorecard: target, actual, achievement, status, provenance and trend;
 * of a closed period the frozen figures, the close's revision and the drift since.
 */
export function MetricCard({
  row,
  today,
  trendHref,
}: {
  row: ScoreRow;
  today: string;
  trendHref: string;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const name = metricName(row, locale);
  const hasTarget = row.target !== null && row.target !== undefined;
  return (
    <Card
      className="flex w-full flex-col gap-3 p-4"
      data-testid="kpi-card"
      data-metric={row.metric_key}
      data-status={row.status}
      data-closed={row.closed_revision ?? undefined}
    >
      <div className="flex items-start justify-between gap-2">
        <h3 className="min-w-0 text-sm font-semibold text-foreground">{name}</h3>
        <div className="flex shrink-0 flex-wrap justify-end gap-1">
          <ProvenanceBadge provenance={row.provenance} />
          <KpiStatusBadge status={row.status} />
        </div>
      </div>
      {row.closed_revision === null || row.closed_revision === undefined ? null : (
        <div className="-mt-1 flex">
          <ClosedBadge revision={row.closed_revision} />
        </div>
      )}
      <Actual row={row} today={today} />
      <DriftNote row={row} />
      <p className="text-sm text-muted">
        {t("kpi.card.target")}:{" "}
        <span
          data-testid="kpi-target"
          className={cn("tabular-nums", hasTarget ? "font-medium text-foreground" : "italic")}
        >
          {hasTarget ? formatKpiValue(row.target, row.unit, locale) : t("kpi.card.noTarget")}
        </span>
      </p>
      {hasTarget && row.actual !== null && row.actual !== undefined ? (
        <AchievementBar achievement={row.achievement_pct} status={row.status} />
      ) : null}
      {row.breakdown.length > 0 ? (
        <ul className="flex flex-wrap gap-1 text-xs" aria-label={t("kpi.card.breakdown")}>
          {row.breakdown.slice(0, 6).map((b) => (
            <li key={b.key} className="rounded bg-navy-50 px-1.5 py-0.5 text-navy-800">
              {b.key}{" "}
              <span className="font-semibold tabular-nums">
                {formatKpiValue(b.value, row.unit, locale)}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <Sparkline points={row.trend} unit={row.unit} status={row.status} />
      <div className="mt-auto flex flex-wrap items-center justify-between gap-2 text-xs text-muted">
        {row.direction === "down" ? (
          <span className="inline-flex items-center gap-1">
            <ArrowDownRight aria-hidden className="size-3.5" />
            {t("kpi.card.lowerBetter")}
          </span>
        ) : (
          <span />
        )}
        <AppLink
          href={trendHref}
          className="inline-flex items-center gap-1 font-medium text-navy-700 hover:underline"
          aria-label={t("kpi.card.openTrendFor", { name })}
          data-testid="kpi-open-trend"
        >
          <ChartColumn aria-hidden className="size-3.5" />
          {t("kpi.card.openTrend")}
        </AppLink>
      </div>
    </Card>
  );
}
