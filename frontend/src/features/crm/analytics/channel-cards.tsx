import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { BarChartView, DonutChart, TrendLineChart } from "@/components/charts/charts";
import { colorAt, type Datum } from "@/components/charts/chart-utils";
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
import { formatDate, formatNumber, formatPercent } from "@/lib/format";
import { cn } from "@/lib/utils";
import { AnalyticsCard, type DataColumn } from "../components/analytics-card";
import { monthLabel } from "../lib/months";
import {
  conversionQueryOptions,
  leadSourcesQueryOptions,
  trendQueryOptions,
  type ChannelConversion,
  type DateRange,
  type LeadSource,
} from "./analytics-api";
import { pivotChannelMonths, trendRange } from "./analytics-data";
import { useAnalyticsLabels } from "./analytics-labels";
import { ScrollTable } from "./scroll-table";

/** Conversion (won / leads) per channel: a bar chart of the rate over the full table. */
export function ConversionCard({ range }: { range: DateRange }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const labels = useAnalyticsLabels();
  const conversion = useQuery(conversionQueryOptions(range));
  const rows = conversion.data ?? [];
  const channelName = (r: ChannelConversion) => labels.channel(r.channel, r.channel_name);

  const columns: DataColumn<ChannelConversion>[] = [
    {
      key: "channel",
      header: t("crm.analytics.conversion.channel"),
      cell: channelName,
      csv: (r) => r.channel,
    },
    {
      key: "source_group",
      header: t("crm.analytics.conversion.source"),
      cell: (r) => labels.source(r.source_group),
      csv: (r) => r.source_group,
    },
    {
      key: "leads",
      header: t("crm.analytics.conversion.leads"),
      cell: (r) => formatNumber(r.leads, locale),
      csv: (r) => r.leads,
      align: "right",
    },
    {
      key: "won",
      header: t("crm.analytics.conversion.won"),
      cell: (r) => formatNumber(r.won, locale),
      csv: (r) => r.won,
      align: "right",
    },
    {
      key: "conversion_pct",
      header: t("crm.analytics.conversion.rate"),
      cell: (r) => formatPercent(r.conversion_pct, locale),
      csv: (r) => r.conversion_pct,
      align: "right",
    },
  ];

  return (
    <AnalyticsCard
      title={t("crm.analytics.conversion.title")}
      description={t("crm.analytics.conversion.description")}
      testId="analytics-conversion"
      className="lg:col-span-2"
      isLoading={conversion.isPending}
      error={conversion.error}
      onRetry={() => void conversion.refetch()}
      rows={rows}
      columns={columns}
      csvName={`crm-conversion_${range.from}_${range.to}`}
      isEmpty={rows.every((r) => r.leads === 0)}
    >
      <div className="grid items-start gap-4 xl:grid-cols-2">
        <BarChartView
          label={t("crm.analytics.conversion.chartLabel")}
          data={rows.map((r) => ({ channel: channelName(r), conversion_pct: r.conversion_pct }))}
          xKey="channel"
          series={[{ key: "conversion_pct", label: t("crm.analytics.conversion.rate") }]}
          format="percent"
        />
        <ScrollTable label={t("crm.analytics.conversion.title")}>
          <Table data-testid="conversion-table">
            <TableCaption className="sr-only">{t("crm.analytics.conversion.title")}</TableCaption>
            <TableHeader>
              <TableRow>
                {columns.map((c) => (
                  <TableHead
                    key={c.key}
                    className={cn("whitespace-normal", c.align === "right" && "text-right")}
                  >
                    {c.header}
                  </TableHead>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.channel}>
                  {columns.map((c) => (
                    <TableCell
                      key={c.key}
                      className={c.align === "right" ? "text-right" : undefined}
                    >
                      {c.cell(r)}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollTable>
      </div>
    </AnalyticsCard>
  );
}

/** Leads per channel per month over at least the six months up to the range's end. */
export function TrendCard({ range }: { range: DateRange }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const labels = useAnalyticsLabels();
  const span = trendRange(range);
  const trend = useQuery(trendQueryOptions(span));
  const pivot = pivotChannelMonths(trend.data ?? []);
  const series = pivot.series.map((s) => ({
    key: s.key,
    label: s.channel ? labels.channel(s.channel) : t("crm.analytics.trend.otherChannels"),
  }));
  const rows: Datum[] = pivot.rows.map((r) => ({
    ...r,
    label: monthLabel(String(r.month), locale),
  }));
  // Table and CSV: the month (raw `2026-11` in the CSV) and one column per series.
  const columns: DataColumn<Datum>[] = [
    {
      key: "month",
      header: t("crm.analytics.trend.month"),
      cell: (r) => r.label,
      csv: (r) => r.month,
    },
    ...pivot.series.map((s, i) => ({
      key: s.channel ?? "other",
      header: series[i]?.label ?? s.key,
      cell: (r: Datum) => formatNumber(r[s.key], locale),
      csv: (r: Datum) => r[s.key],
      align: "right" as const,
    })),
  ];

  return (
    <AnalyticsCard
      title={t("crm.analytics.trend.title")}
      description={t("crm.analytics.trend.description", {
        from: formatDate(span.from),
        to: formatDate(span.to),
      })}
      testId="analytics-trend"
      className="lg:col-span-2"
      isLoading={trend.isPending}
      error={trend.error}
      onRetry={() => void trend.refetch()}
      rows={rows}
      columns={columns}
      csvName={`crm-leads-by-channel_${span.from}_${span.to}`}
      isEmpty={pivot.series.length === 0}
    >
      <TrendLineChart
        label={t("crm.analytics.trend.title")}
        data={rows}
        xKey="label"
        series={series}
      />
    </AnalyticsCard>
  );
}

/** Leads per source group as a donut. */
export function SourcesCard({ range }: { range: DateRange }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const labels = useAnalyticsLabels();
  const sources = useQuery(leadSourcesQueryOptions(range));
  const rows = sources.data ?? [];

  const columns: DataColumn<LeadSource>[] = [
    {
      key: "source_group",
      header: t("crm.analytics.sources.source"),
      cell: (r) => labels.source(r.source_group),
      csv: (r) => r.source_group,
    },
    {
      key: "leads",
      header: t("crm.analytics.sources.leads"),
      cell: (r) => formatNumber(r.leads, locale),
      csv: (r) => r.leads,
      align: "right",
    },
    {
      key: "pct",
      header: t("crm.analytics.sources.share"),
      cell: (r) => formatPercent(r.pct, locale),
      csv: (r) => r.pct,
      align: "right",
    },
  ];

  return (
    <AnalyticsCard
      title={t("crm.analytics.sources.title")}
      description={t("crm.analytics.sources.description")}
      testId="analytics-sources"
      isLoading={sources.isPending}
      error={sources.error}
      onRetry={() => void sources.refetch()}
      rows={rows}
      columns={columns}
      csvName={`crm-lead-sources_${range.from}_${range.to}`}
      isEmpty={rows.every((r) => r.leads === 0)}
    >
      <DonutChart
        label={t("crm.analytics.sources.title")}
        data={rows
          // Each source keeps its colour whichever others are empty.
          .map((r, i) => ({
            name: labels.source(r.source_group),
            value: r.leads,
            color: colorAt(i),
          }))
          .filter((d) => d.value > 0)}
      />
    </AnalyticsCard>
  );
}
