import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { isApiError } from "@/api/errors";
import { ErrorState } from "@/components/states/states";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { hasMenu } from "@/features/auth/access";
import { useMe } from "@/features/auth/api";
import { scorecardQueryOptions } from "@/features/kpi/api";
import { AchievementBar } from "@/features/kpi/components/achievement-bar";
import { KpiStatusBadge } from "@/features/kpi/components/badges";
import { metricName } from "@/features/kpi/components/metric-name";
import { formatKpiValue } from "@/features/kpi/lib/format";
import { monthOf, periodLabel } from "@/features/kpi/lib/period";
import { highlightScope, scopeParams, scopeValue } from "@/features/kpi/lib/scope";
import { mostBehind } from "@/features/kpi/lib/status";
import { AppLink } from "@/features/kpi/components/app-link";
import { useAssigneeTitle } from "@/features/kpi/scorecard/use-assignee-title";
import { StatusSummary } from "@/features/kpi/scorecard/status-summary";
import { currentLocale } from "@/i18n";
import { todayInJakarta } from "@/lib/format";

/**
 * DASH-1 "KPI highlights": this month's scorecard of what I answer for (mine, my team's,
 * my department's or the company's) — counts per status and the rows most behind.
 */
function Highlights() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const me = useMe();
  const assigneeTitle = useAssigneeTitle();
  const period = monthOf(todayInJakarta());
  const scope = highlightScope(me);
  const card = useQuery(scorecardQueryOptions({ period, ...scopeParams(scope) }));
  const rows = card.data?.rows ?? [];
  const worst = mostBehind(rows, 4);

  let content;
  if (card.isPending) content = <Skeleton className="h-32 w-full" />;
  else if (card.isError)
    content =
      isApiError(card.error) && card.error.status === 403 ? null : (
        <ErrorState error={card.error} onRetry={() => void card.refetch()} className="border-0" />
      );
  else if (rows.length === 0)
    content = <p className="text-sm text-muted">{t("kpi.dashboard.empty")}</p>;
  else
    content = (
      <>
        <StatusSummary rows={rows} className="mb-3 flex flex-wrap gap-1.5" />
        {worst.length === 0 ? (
          <p className="text-sm text-muted">{t("kpi.dashboard.noneJudged")}</p>
        ) : (
          <ul className="divide-y divide-border" aria-label={t("kpi.dashboard.mostBehind")}>
            {worst.map((row) => (
              <li
                key={row.metric_key}
                className="flex flex-col gap-1 py-2"
                data-testid="dash-kpi-row"
                data-metric={row.metric_key}
              >
                <div className="flex items-center justify-between gap-2">
                  <span className="min-w-0 truncate text-sm font-medium">
                    {metricName(row, locale)}
                  </span>
                  <KpiStatusBadge status={row.status} />
                </div>
                <p className="text-xs text-muted tabular-nums">
                  {formatKpiValue(row.actual, row.unit, locale)} /{" "}
                  {formatKpiValue(row.target, row.unit, locale)}
                </p>
                <AchievementBar achievement={row.achievement_pct} status={row.status} />
              </li>
            ))}
          </ul>
        )}
      </>
    );

  return (
    <Card data-testid="dash-kpi">
      <CardHeader className="flex-row items-start justify-between gap-2">
        <div>
          <CardTitle>{t("kpi.dashboard.title")}</CardTitle>
          <CardDescription>
            {t("kpi.dashboard.subtitle", {
              name:
                scope.kind === "me"
                  ? t("kpi.scorecard.titleMine")
                  : assigneeTitle(scope, card.data),
              period: periodLabel(period, locale),
            })}
          </CardDescription>
        </div>
        <AppLink
          href={`/kpi?scope=${encodeURIComponent(scopeValue(scope))}`}
          className="text-sm text-navy-800 underline underline-offset-2 hover:text-navy-950"
        >
          {t("kpi.dashboard.open")}
        </AppLink>
      </CardHeader>
      <CardContent>{content}</CardContent>
    </Card>
  );
}

/** Only for roles with the KPI menu. */
export function KpiHighlights() {
  const me = useMe();
  return hasMenu(me, "kpi") ? <Highlights /> : null;
}
