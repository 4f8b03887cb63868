import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { currentLocale } from "@/i18n";
import { formatNumber, formatPercent } from "@/lib/format";
import { whatsappPerformanceQueryOptions } from "../api";
import { Figure } from "../components/figure";
import { FunnelBars, FunnelTable } from "../components/funnel";
import { NoData } from "../components/no-data";
import { Panel } from "../components/panel";
import { DashboardSection } from "../components/section";
import { formatMinutes } from "../lib/duration";
import type { DashboardQuery, WhatsappPerformance } from "../types";
import { FailedMessages } from "./failed-messages";

function Broadcasts({ data }: { data: WhatsappPerformance }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const b = data.broadcasts;
  return (
    <Panel title={t("waAnalytics.whatsapp.broadcast")} testId="wa-broadcast">
      {b.sent === 0 ? (
        <NoData />
      ) : (
        <Figure
          testId="wa-broadcast-rate"
          label={t("waAnalytics.whatsapp.successRate")}
          value={formatPercent(b.success_rate, locale, 1)}
          hint={t("waAnalytics.whatsapp.broadcastDetail", {
            delivered: formatNumber(b.delivered, locale),
            sent: formatNumber(b.sent, locale),
            failed: formatNumber(b.failed, locale),
          })}
        />
      )}
    </Panel>
  );
}

function SessionsAndQueue({ data }: { data: WhatsappPerformance }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const q = data.queue;
  return (
    <Panel title={t("waAnalytics.whatsapp.queue")} testId="wa-queue">
      <div className="grid grid-cols-2 gap-4">
        <Figure
          testId="wa-sessions"
          label={t("waAnalytics.whatsapp.sessions")}
          value={formatNumber(data.active_sessions, locale)}
          hint={t("waAnalytics.whatsapp.sessionsHint")}
        />
        <Figure
          testId="wa-unassigned"
          label={t("waAnalytics.whatsapp.unassigned")}
          value={formatNumber(q.unassigned, locale)}
          hint={t("waAnalytics.whatsapp.openPending", {
            open: formatNumber(q.open, locale),
            pending: formatNumber(q.pending, locale),
          })}
        />
        <Figure
          testId="wa-awaiting"
          label={t("waAnalytics.whatsapp.awaiting")}
          value={formatNumber(q.awaiting_reply, locale)}
        />
        <Figure
          testId="wa-oldest-wait"
          label={t("waAnalytics.whatsapp.oldestWait")}
          value={formatMinutes(q.oldest_wait_minutes, locale)}
        />
      </div>
    </Panel>
  );
}

/** The delivery funnel, broadcasts, sessions and queue, and the latest failures. */
export function WhatsappSection({ query }: { query: DashboardQuery }) {
  const { t } = useTranslation();
  const result = useQuery(whatsappPerformanceQueryOptions(query));
  return (
    <DashboardSection
      id="whatsapp"
      title={t("waAnalytics.whatsapp.title")}
      description={t("waAnalytics.whatsapp.description")}
      query={result}
    >
      {(data) => (
        <div className="grid gap-4 lg:grid-cols-2">
          <Panel
            title={t("waAnalytics.whatsapp.funnel")}
            testId="wa-funnel-panel"
            table={<FunnelTable funnel={data.funnel} />}
            className="lg:row-span-2"
          >
            {data.funnel.sent === 0 ? <NoData /> : <FunnelBars funnel={data.funnel} />}
          </Panel>
          <Broadcasts data={data} />
          <SessionsAndQueue data={data} />
          <FailedMessages rows={data.failed_messages} />
        </div>
      )}
    </DashboardSection>
  );
}
