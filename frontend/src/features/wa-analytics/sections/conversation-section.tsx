import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { BarChartView, DonutChart, TrendLineChart } from "@/components/charts/charts";
import { currentLocale } from "@/i18n";
import { formatDate, formatNumber, formatPercent } from "@/lib/format";
import { conversationEffectivenessQueryOptions } from "../api";
import { FigureTable } from "../components/figure-table";
import { Gauge } from "../components/gauge";
import { NoData } from "../components/no-data";
import { Panel } from "../components/panel";
import { DashboardSection } from "../components/section";
import { SlaBadge } from "../components/sla-badge";
import { formatMinutes } from "../lib/duration";
import { slaColor } from "../lib/status";
import type { ConversationEffectiveness, DashboardQuery } from "../types";

/** dd/mm of a day of the period (the axis); the table shows the full date. */
const dayMonth = (day: string | number) => formatDate(String(day)).slice(0, 5);

function PerAgent({ data }: { data: ConversationEffectiveness }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const title = t("waAnalytics.conversation.perAgent");
  const rows = data.per_agent.map((a) => ({
    agent: a.agent_name ?? t("waAnalytics.conversation.queue"),
    conversations: a.conversations,
    resolved: a.resolved,
  }));
  const series = [
    { key: "conversations", label: t("waAnalytics.conversation.conversations") },
    { key: "resolved", label: t("waAnalytics.conversation.resolved") },
  ];
  return (
    <Panel
      title={title}
      testId="wa-per-agent"
      table={
        <FigureTable
          caption={title}
          columns={[
            { label: t("waAnalytics.agents.agent") },
            ...series.map((s) => ({ label: s.label, numeric: true })),
          ]}
          rows={rows.map((r) => [
            r.agent,
            formatNumber(r.conversations, locale),
            formatNumber(r.resolved, locale),
          ])}
        />
      }
    >
      {rows.length === 0 ? (
        <NoData />
      ) : (
        <BarChartView data={rows} xKey="agent" series={series} label={title} />
      )}
    </Panel>
  );
}

function ResponseTrend({ data }: { data: ConversationEffectiveness }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const title = t("waAnalytics.conversation.responseTrend");
  const rows = data.response_time_trend.map((d) => ({
    day: d.day,
    median: d.median_minutes ?? null,
    p90: d.p90_minutes ?? null,
  }));
  return (
    <Panel
      title={title}
      description={t("waAnalytics.conversation.responseTrendHint")}
      testId="wa-response-trend"
      table={
        <FigureTable
          caption={title}
          columns={[
            { label: t("waAnalytics.common.day") },
            { label: t("waAnalytics.common.median"), numeric: true },
            { label: t("waAnalytics.common.p90"), numeric: true },
            { label: t("waAnalytics.conversation.replies"), numeric: true },
          ]}
          rows={data.response_time_trend.map((d) => [
            formatDate(d.day),
            formatMinutes(d.median_minutes, locale),
            formatMinutes(d.p90_minutes, locale),
            formatNumber(d.n, locale),
          ])}
        />
      }
    >
      <TrendLineChart
        data={rows}
        xKey="day"
        xFormat={dayMonth}
        series={[
          { key: "median", label: t("waAnalytics.common.medianMinutes") },
          { key: "p90", label: t("waAnalytics.common.p90Minutes") },
        ]}
        label={title}
      />
    </Panel>
  );
}

function SlaGauge({ data }: { data: ConversationEffectiveness }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { sla } = data;
  const title = t("waAnalytics.conversation.sla");
  const detail = t("waAnalytics.conversation.slaDetail", {
    met: formatNumber(sla.met, locale),
    total: formatNumber(sla.total, locale),
    target: formatMinutes(sla.target_minutes, locale),
  });
  return (
    <Panel
      title={title}
      testId="wa-sla"
      table={
        <FigureTable
          caption={title}
          columns={[
            { label: t("waAnalytics.common.figure") },
            { label: t("waAnalytics.common.value"), numeric: true },
          ]}
          rows={[
            [title, formatPercent(sla.compliance_pct, locale, 1)],
            [t("waAnalytics.conversation.slaMet"), formatNumber(sla.met, locale)],
            [t("waAnalytics.conversation.replies"), formatNumber(sla.total, locale)],
            [t("waAnalytics.conversation.slaTarget"), formatMinutes(sla.target_minutes, locale)],
          ]}
        />
      }
    >
      {sla.total === 0 ? (
        <NoData />
      ) : (
        <div className="flex flex-col items-center gap-2">
          <Gauge
            value={sla.compliance_pct}
            color={slaColor(sla.status)}
            threshold={90}
            label={`${title}: ${formatPercent(sla.compliance_pct, locale, 1)}. ${detail}`}
          />
          <SlaBadge status={sla.status} />
          <p className="text-center text-xs text-muted">{detail}</p>
        </div>
      )}
    </Panel>
  );
}

function ResolvedVsOpen({ data }: { data: ConversationEffectiveness }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const split = data.resolved_vs_open;
  const title = t("waAnalytics.conversation.resolvedVsOpen");
  const slices = [
    { name: t("whatsapp.status.resolved"), value: split.resolved, color: "#15803d" },
    { name: t("whatsapp.status.open"), value: split.open, color: "#0b1f3a" },
    { name: t("whatsapp.status.pending"), value: split.pending, color: "#ca8a04" },
  ];
  const total = split.resolved + split.open + split.pending;
  return (
    <Panel
      title={title}
      testId="wa-resolved-open"
      table={
        <FigureTable
          caption={title}
          columns={[
            { label: t("waAnalytics.common.status") },
            { label: t("waAnalytics.common.count"), numeric: true },
            { label: t("waAnalytics.common.share"), numeric: true },
          ]}
          rows={slices.map((s) => [
            s.name,
            formatNumber(s.value, locale),
            formatPercent(total > 0 ? (s.value / total) * 100 : null, locale, 1),
          ])}
        />
      }
    >
      {total === 0 ? <NoData /> : <DonutChart data={slices} label={title} height={220} />}
    </Panel>
  );
}

/** Conversations per agent, the daily response time, SLA compliance, resolved vs open. */
export function ConversationSection({ query }: { query: DashboardQuery }) {
  const { t } = useTranslation();
  const result = useQuery(conversationEffectivenessQueryOptions(query));
  return (
    <DashboardSection
      id="conversation"
      title={t("waAnalytics.conversation.title")}
      description={t("waAnalytics.conversation.description")}
      query={result}
    >
      {(data) => (
        <div className="grid gap-4 lg:grid-cols-2">
          <PerAgent data={data} />
          <ResponseTrend data={data} />
          <SlaGauge data={data} />
          <ResolvedVsOpen data={data} />
        </div>
      )}
    </DashboardSection>
  );
}
