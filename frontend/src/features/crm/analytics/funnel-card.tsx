import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { colorAt } from "@/components/charts/chart-utils";
import { currentLocale } from "@/i18n";
import { formatNumber, formatPercent } from "@/lib/format";
import { AnalyticsCard, type DataColumn } from "../components/analytics-card";
import { funnelQueryOptions, type DateRange, type FunnelStep } from "./analytics-api";
import { useAnalyticsLabels } from "./analytics-labels";

/** Lead → contacted → qualified → won as horizontal bars (share of the leads). */
export function FunnelCard({ range }: { range: DateRange }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const labels = useAnalyticsLabels();
  const funnel = useQuery(funnelQueryOptions(range));
  const steps = funnel.data?.steps ?? [];
  const leads = steps[0]?.count ?? 0;
  const won = steps.find((s) => s.step === "won");

  const columns: DataColumn<FunnelStep>[] = [
    {
      key: "step",
      header: t("crm.analytics.funnel.step"),
      cell: (s) => labels.step(s.step),
      csv: (s) => s.step,
    },
    {
      key: "count",
      header: t("crm.analytics.funnel.count"),
      cell: (s) => formatNumber(s.count, locale),
      csv: (s) => s.count,
      align: "right",
    },
    {
      key: "pct_of_leads",
      header: t("crm.analytics.funnel.pctOfLeads"),
      cell: (s) => formatPercent(s.pct_of_leads, locale),
      csv: (s) => s.pct_of_leads,
      align: "right",
    },
    {
      key: "pct_of_previous",
      header: t("crm.analytics.funnel.pctOfPrevious"),
      cell: (s) => formatPercent(s.pct_of_previous, locale),
      csv: (s) => s.pct_of_previous,
      align: "right",
    },
  ];

  return (
    <AnalyticsCard
      title={t("crm.analytics.funnel.title")}
      description={t("crm.analytics.funnel.description")}
      testId="analytics-funnel"
      isLoading={funnel.isPending}
      error={funnel.error}
      onRetry={() => void funnel.refetch()}
      rows={steps}
      columns={columns}
      csvName={`crm-funnel_${range.from}_${range.to}`}
      isEmpty={leads === 0}
      footer={
        won ? (
          <p className="text-sm text-muted">
            {t("crm.analytics.funnel.overall")}:{" "}
            <span className="font-semibold text-navy-900 tabular" data-testid="funnel-overall">
              {formatPercent(won.pct_of_leads, locale)}
            </span>
          </p>
        ) : null
      }
    >
      <ol className="flex flex-col gap-3">
        {steps.map((s, i) => (
          <li key={s.step} data-testid={`funnel-step-${s.step}`}>
            <div className="mb-1 flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
              <span className="font-medium text-foreground">{labels.step(s.step)}</span>
              <span className="text-muted tabular">
                <span className="font-semibold text-navy-900">{formatNumber(s.count, locale)}</span>
                {" · "}
                {i === 0
                  ? t("crm.analytics.funnel.ofLeads", {
                      pct: formatPercent(s.pct_of_leads, locale),
                    })
                  : t("crm.analytics.funnel.ofPrevious", {
                      pct: formatPercent(s.pct_of_previous, locale),
                    })}
              </span>
            </div>
            <div className="h-6 w-full overflow-hidden rounded bg-slate-100" aria-hidden>
              <div
                className="h-full rounded"
                style={{
                  background: colorAt(i),
                  width: `${Math.max(0, Math.min(100, s.pct_of_leads))}%`,
                  minWidth: s.count > 0 ? "0.25rem" : 0,
                }}
              />
            </div>
          </li>
        ))}
      </ol>
    </AnalyticsCard>
  );
}
