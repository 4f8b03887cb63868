import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { BarChartView } from "@/components/charts/charts";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { currentLocale } from "@/i18n";
import { formatIDR, formatNumber } from "@/lib/format";
import { cn } from "@/lib/utils";
import { AnalyticsCard, type DataColumn } from "../components/analytics-card";
import { adsPerformanceQueryOptions, type AdsPlatform, type DateRange } from "./analytics-api";
import { adsIsEmpty, adsTotals } from "./analytics-data";
import { useAnalyticsLabels } from "./analytics-labels";
import { ScrollTable } from "./scroll-table";

/**
 * Spend, impressions, clicks, leads and cost per lead per ads platform. Roles without
 * access to marketing spend get their leads only (the API sends no spend for them).
 */
export function AdsCard({ range, canReadSpend }: { range: DateRange; canReadSpend: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const labels = useAnalyticsLabels();
  const ads = useQuery(adsPerformanceQueryOptions(range));
  const rows = ads.data ?? [];
  const totals = adsTotals(rows);

  const platform: DataColumn<AdsPlatform> = {
    key: "platform",
    header: t("crm.analytics.ads.platform"),
    cell: (r) => labels.platform(r.platform),
    csv: (r) => r.platform,
  };
  const leads: DataColumn<AdsPlatform> = {
    key: "leads",
    header: t("crm.analytics.ads.leads"),
    cell: (r) => formatNumber(r.leads, locale),
    csv: (r) => r.leads,
    align: "right",
  };
  const columns: DataColumn<AdsPlatform>[] = canReadSpend
    ? [
        platform,
        {
          key: "spend",
          header: t("crm.analytics.ads.spend"),
          cell: (r) => formatIDR(r.spend, locale),
          csv: (r) => r.spend,
          align: "right",
        },
        {
          key: "impressions",
          header: t("crm.analytics.ads.impressions"),
          cell: (r) => formatNumber(r.impressions, locale),
          csv: (r) => r.impressions,
          align: "right",
        },
        {
          key: "clicks",
          header: t("crm.analytics.ads.clicks"),
          cell: (r) => formatNumber(r.clicks, locale),
          csv: (r) => r.clicks,
          align: "right",
        },
        leads,
        {
          key: "cpl",
          header: t("crm.analytics.ads.cpl"),
          cell: (r) => formatIDR(r.cpl, locale),
          csv: (r) => r.cpl ?? "",
          align: "right",
        },
      ]
    : [platform, leads];

  const totalCells: Record<string, string> = {
    platform: t("charts.total"),
    spend: formatIDR(totals.spend, locale),
    impressions: formatNumber(totals.impressions, locale),
    clicks: formatNumber(totals.clicks, locale),
    leads: formatNumber(totals.leads, locale),
    cpl: formatIDR(totals.cpl, locale),
  };

  const chart = canReadSpend
    ? {
        label: t("crm.analytics.ads.chartSpend"),
        key: "spend",
        seriesLabel: t("crm.analytics.ads.spend"),
        format: "idr" as const,
        value: (r: AdsPlatform) => Number(r.spend),
      }
    : {
        label: t("crm.analytics.ads.chartLeads"),
        key: "leads",
        seriesLabel: t("crm.analytics.ads.leads"),
        format: "number" as const,
        value: (r: AdsPlatform) => r.leads,
      };

  return (
    <AnalyticsCard
      title={t("crm.analytics.ads.title")}
      description={t("crm.analytics.ads.description")}
      testId="analytics-ads"
      className="lg:col-span-2"
      isLoading={ads.isPending}
      error={ads.error}
      onRetry={() => void ads.refetch()}
      rows={rows}
      columns={columns}
      csvName={`crm-ads-performance_${range.from}_${range.to}`}
      isEmpty={adsIsEmpty(rows)}
      footer={
        canReadSpend ? null : (
          <p className="text-sm text-muted" data-testid="ads-no-spend">
            {t("crm.analytics.ads.noSpend")}
          </p>
        )
      }
    >
      <div className="flex flex-col gap-4">
        <BarChartView
          label={chart.label}
          data={rows.map((r) => ({
            platform: labels.platform(r.platform),
            [chart.key]: chart.value(r),
          }))}
          xKey="platform"
          series={[{ key: chart.key, label: chart.seriesLabel }]}
          format={chart.format}
        />
        <ScrollTable label={t("crm.analytics.ads.title")}>
          <Table data-testid="ads-table">
            <TableCaption className="sr-only">{t("crm.analytics.ads.title")}</TableCaption>
            <TableHeader>
              <TableRow>
                {columns.map((c) => (
                  <TableHead key={c.key} className={cn(c.align === "right" && "text-right")}>
                    {c.header}
                  </TableHead>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.platform}>
                  {columns.map((c) => (
                    <TableCell key={c.key} className={cn(c.align === "right" && "text-right")}>
                      {c.cell(r)}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
              <TableRow className="font-semibold">
                {columns.map((c) => (
                  <TableCell key={c.key} className={cn(c.align === "right" && "text-right")}>
                    {totalCells[c.key]}
                  </TableCell>
                ))}
              </TableRow>
            </TableBody>
          </Table>
        </ScrollTable>
      </div>
    </AnalyticsCard>
  );
}
