import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ChartCard } from "@/components/charts/chart-card";
import { BarChartView } from "@/components/charts/charts";
import { ErrorState } from "@/components/states/states";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { currentLocale } from "@/i18n";
import { formatDate, formatNumber, formatPercent } from "@/lib/format";
import { cn } from "@/lib/utils";
import { broadcastSummaryQueryOptions, todaySuccessRate } from "./api";

function Stat({
  label,
  value,
  testId,
  tone,
}: {
  label: string;
  value: string;
  testId: string;
  tone?: "danger" | "success" | "warning";
}) {
  return (
    <Card className="p-4">
      <p className="text-sm text-muted">{label}</p>
      <p
        data-testid={testId}
        className={cn(
          "mt-1 text-2xl font-semibold tabular-nums text-navy-900",
          tone === "danger" && "text-danger",
          tone === "success" && "text-success",
          tone === "warning" && "text-yellow-900",
        )}
      >
        {value}
      </p>
    </Card>
  );
}

/** Today's counts, the 14-day success rate and the most frequent errors. */
export function BroadcastSummaryPanel() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const summary = useQuery(broadcastSummaryQueryOptions());
  const data = summary.data;

  if (summary.isPending) {
    return (
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-busy="true">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-24" />
        ))}
      </div>
    );
  }
  if (summary.isError || !data) {
    return <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />;
  }

  const rate = todaySuccessRate(data);
  const days = data.days.map((d) => ({
    ...d,
    label: formatDate(d.day).slice(0, 5),
    // A day without sent broadcasts has no rate (not 0 %): no bar, "—" in the table.
    success_rate: d.success + d.failed > 0 ? d.success_rate : null,
  }));
  const rateLabel = t("broadcasts.summary.successRate");

  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat
          testId="summary-sent"
          label={t("broadcasts.summary.sentToday")}
          value={formatNumber(data.sent_today, locale)}
          tone="success"
        />
        <Stat
          testId="summary-failed"
          label={t("broadcasts.summary.failedToday")}
          value={formatNumber(data.failed_today, locale)}
          tone={data.failed_today > 0 ? "danger" : undefined}
        />
        <Stat
          testId="summary-pending"
          label={t("broadcasts.summary.pendingToday")}
          value={formatNumber(data.pending_today, locale)}
          tone={data.pending_today > 0 ? "warning" : undefined}
        />
        <Stat
          testId="summary-rate"
          label={t("broadcasts.summary.successRateToday")}
          value={rate === null ? "—" : formatPercent(rate, locale)}
        />
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <ChartCard
            title={t("broadcasts.summary.trendTitle")}
            description={t("broadcasts.summary.trendDescription")}
            table={{
              xLabel: t("broadcasts.summary.day"),
              xKey: "label",
              data: days,
              series: [
                { key: "success_rate", label: rateLabel },
                { key: "success", label: t("broadcasts.status.success") },
                { key: "failed", label: t("broadcasts.status.failed") },
                { key: "pending", label: t("broadcasts.status.pending") },
              ],
            }}
          >
            <BarChartView
              label={t("broadcasts.summary.trendTitle")}
              data={days}
              xKey="label"
              series={[{ key: "success_rate", label: rateLabel }]}
              format="percent"
            />
          </ChartCard>
        </div>
        <Card data-testid="top-errors">
          <CardHeader>
            <CardTitle>{t("broadcasts.summary.topErrors")}</CardTitle>
          </CardHeader>
          <CardContent>
            {data.top_errors.length === 0 ? (
              <p className="text-sm text-muted">{t("broadcasts.summary.noErrors")}</p>
            ) : (
              <ol className="flex flex-col gap-2">
                {data.top_errors.map((e) => (
                  <li
                    key={e.error_message}
                    className="flex items-start justify-between gap-3 text-sm"
                  >
                    <span className="break-words text-foreground">{e.error_message}</span>
                    <span className="shrink-0 font-medium tabular-nums text-danger">
                      {formatNumber(e.count, locale)}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
