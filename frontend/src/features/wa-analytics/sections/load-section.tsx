import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { AreaTrendChart } from "@/components/charts/charts";
import { currentLocale } from "@/i18n";
import { formatNumber, formatPercent } from "@/lib/format";
import { customerLoadQueryOptions } from "../api";
import { Figure } from "../components/figure";
import { FigureTable } from "../components/figure-table";
import { Heatmap, HeatmapTable } from "../components/heatmap";
import { NoData } from "../components/no-data";
import { Panel } from "../components/panel";
import { DashboardSection } from "../components/section";
import { TrendBadge } from "../components/trend-badge";
import { formatSeconds } from "../lib/duration";
import { hourLabel, peakLabel } from "../lib/heatmap";
import type { CustomerLoad, DashboardQuery } from "../types";

function PerHour({ data }: { data: CustomerLoad }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const title = t("waAnalytics.load.perHour");
  const rows = data.per_hour.map((h) => ({ hour: hourLabel(h.hour), incoming: h.incoming }));
  const empty = rows.every((r) => r.incoming === 0);
  return (
    <Panel
      title={title}
      testId="wa-per-hour"
      table={
        <FigureTable
          caption={title}
          columns={[
            { label: t("waAnalytics.load.hour") },
            { label: t("waAnalytics.load.incoming"), numeric: true },
          ]}
          rows={rows.map((r) => [r.hour, formatNumber(r.incoming, locale)])}
        />
      }
    >
      {empty ? (
        <NoData />
      ) : (
        <AreaTrendChart
          data={rows}
          xKey="hour"
          series={[{ key: "incoming", label: t("waAnalytics.load.incoming") }]}
          label={title}
        />
      )}
    </Panel>
  );
}

function Summary({ data }: { data: CustomerLoad }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const peak = peakLabel(data.peak, locale);
  const customers = data.new_customers + data.returning_customers;
  const newShare = customers > 0 ? (data.new_customers / customers) * 100 : 0;
  return (
    <Panel title={t("waAnalytics.load.summary")} testId="wa-load-summary">
      <div className="grid grid-cols-2 gap-4">
        <Figure
          testId="wa-peak"
          label={t("waAnalytics.load.peak")}
          value={peak ?? "—"}
          hint={
            data.peak
              ? t("waAnalytics.load.peakCount", { n: formatNumber(data.peak.incoming, locale) })
              : t("waAnalytics.load.noPeak")
          }
        />
        <Figure
          testId="wa-incoming"
          label={t("waAnalytics.load.incomingTotal")}
          value={formatNumber(data.incoming.value, locale)}
          hint={<TrendBadge trend={data.incoming} better="neither" />}
        />
        <Figure
          testId="wa-wait"
          label={t("waAnalytics.load.wait")}
          value={formatSeconds(data.wait_seconds.median, locale)}
          hint={t("waAnalytics.kpi.p90", { value: formatSeconds(data.wait_seconds.p90, locale) })}
        />
        <div data-testid="wa-new-returning">
          <p className="text-xs font-medium text-muted">{t("waAnalytics.load.newVsReturning")}</p>
          <div className="mt-2 flex h-3 overflow-hidden rounded-full bg-slate-100" aria-hidden>
            <div className="bg-navy-900" style={{ width: `${newShare}%` }} />
            <div className="flex-1 bg-accent-400" />
          </div>
          <ul className="mt-1.5 flex flex-col gap-0.5 text-xs text-slate-700">
            <li className="flex items-center gap-1.5">
              <span aria-hidden className="size-2.5 rounded-sm bg-navy-900" />
              {t("waAnalytics.load.new")}:{" "}
              <strong className="tabular" data-testid="wa-new">
                {formatNumber(data.new_customers, locale)}
              </strong>
              {customers > 0 ? ` (${formatPercent(newShare, locale, 1)})` : ""}
            </li>
            <li className="flex items-center gap-1.5">
              <span aria-hidden className="size-2.5 rounded-sm bg-accent-400" />
              {t("waAnalytics.load.returning")}:{" "}
              <strong className="tabular" data-testid="wa-returning">
                {formatNumber(data.returning_customers, locale)}
              </strong>
              {customers > 0 ? ` (${formatPercent(100 - newShare, locale, 1)})` : ""}
            </li>
          </ul>
        </div>
      </div>
    </Panel>
  );
}

/** Incoming per hour, the weekday × hour heat-map, the peak, new vs returning, waits. */
export function LoadSection({ query }: { query: DashboardQuery }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const result = useQuery(customerLoadQueryOptions(query));
  return (
    <DashboardSection
      id="load"
      title={t("waAnalytics.load.title")}
      description={t("waAnalytics.load.description")}
      query={result}
    >
      {(data) => {
        const peak = peakLabel(data.peak, locale);
        return (
          <div className="grid gap-4 lg:grid-cols-2">
            <PerHour data={data} />
            <Summary data={data} />
            <Panel
              title={t("waAnalytics.load.heatmap")}
              description={peak ? t("waAnalytics.load.peakText", { peak }) : undefined}
              testId="wa-heatmap-panel"
              table={<HeatmapTable cells={data.heatmap} />}
              className="lg:col-span-2"
            >
              <Heatmap
                cells={data.heatmap}
                label={
                  peak
                    ? `${t("waAnalytics.load.heatmap")}. ${t("waAnalytics.load.peakText", { peak })}`
                    : `${t("waAnalytics.load.heatmap")}. ${t("waAnalytics.load.noPeak")}`
                }
              />
            </Panel>
          </div>
        );
      }}
    </DashboardSection>
  );
}
