import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { DonutChart } from "@/components/charts/charts";
import { currentLocale } from "@/i18n";
import { formatNumber, formatPercent } from "@/lib/format";
import { automationImpactQueryOptions } from "../api";
import { Figure } from "../components/figure";
import { FigureTable } from "../components/figure-table";
import { NoData } from "../components/no-data";
import { Panel } from "../components/panel";
import { DashboardSection } from "../components/section";
import { formatMinutes, formatSeconds } from "../lib/duration";
import type { AutomationImpact, DashboardQuery } from "../types";

function BotVsHuman({ data }: { data: AutomationImpact }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const title = t("waAnalytics.automation.split");
  const total = data.bot_messages + data.agent_messages;
  const slices = [
    { name: t("waAnalytics.automation.bot"), value: data.bot_messages, color: "#ca8a04" },
    { name: t("waAnalytics.automation.human"), value: data.agent_messages, color: "#0b1f3a" },
  ];
  return (
    <Panel
      title={title}
      description={
        data.bot_share_pct !== null && data.bot_share_pct !== undefined
          ? t("waAnalytics.automation.share", { pct: formatPercent(data.bot_share_pct, locale, 1) })
          : undefined
      }
      testId="wa-bot-human"
      table={
        <FigureTable
          caption={title}
          columns={[
            { label: t("waAnalytics.automation.sender") },
            { label: t("waAnalytics.automation.replies"), numeric: true },
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

function Figures({ data }: { data: AutomationImpact }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const n = (v: number) => formatNumber(v, locale);
  return (
    <Panel title={t("waAnalytics.automation.figures")} testId="wa-automation-figures">
      <div className="grid grid-cols-2 gap-4">
        <Figure
          testId="wa-auto-reply"
          label={t("waAnalytics.automation.autoReply")}
          value={formatPercent(data.auto_reply_success_pct, locale, 1)}
          hint={t("waAnalytics.automation.autoReplyDetail", {
            resolved: n(data.resolved_by_bot_alone),
            total: n(data.conversations_with_bot),
          })}
        />
        <Figure
          testId="wa-escalation"
          label={t("waAnalytics.automation.escalation")}
          value={formatPercent(data.escalation_rate_pct, locale, 1)}
          hint={t("waAnalytics.automation.escalationDetail", {
            escalated: n(data.escalated),
            total: n(data.conversations_with_bot),
          })}
        />
        <Figure
          testId="wa-bot-response"
          label={t("waAnalytics.automation.botResponse")}
          value={formatSeconds(data.bot_response_seconds.median, locale)}
          hint={t("waAnalytics.kpi.p90", {
            value: formatSeconds(data.bot_response_seconds.p90, locale),
          })}
        />
        <Figure
          testId="wa-time-saved"
          label={t("waAnalytics.automation.timeSaved")}
          value={formatMinutes(data.time_saved_minutes, locale)}
          hint={t("waAnalytics.automation.timeSavedDetail", {
            replies: n(data.bot_messages),
            minutes: formatNumber(data.minutes_saved_per_bot_reply, locale, {
              maximumFractionDigits: 1,
            }),
          })}
        />
      </div>
    </Panel>
  );
}

/** Chatbot vs people: the share of replies, auto-reply success, escalations, time saved. */
export function AutomationSection({ query }: { query: DashboardQuery }) {
  const { t } = useTranslation();
  const result = useQuery(automationImpactQueryOptions(query));
  return (
    <DashboardSection
      id="automation"
      title={t("waAnalytics.automation.title")}
      description={t("waAnalytics.automation.description")}
      query={result}
    >
      {(data) => (
        <div className="grid gap-4 lg:grid-cols-2">
          <BotVsHuman data={data} />
          <Figures data={data} />
        </div>
      )}
    </DashboardSection>
  );
}
