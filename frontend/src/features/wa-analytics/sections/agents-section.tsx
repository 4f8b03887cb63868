import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { AGENT_STATUS_VALUES } from "@/api/enums.gen";
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
import { isOneOf } from "@/lib/enums";
import { formatDateTime, formatNumber, formatPercent } from "@/lib/format";
import { cn } from "@/lib/utils";
import { agentProductivityQueryOptions } from "../api";
import { NoData } from "../components/no-data";
import { Panel } from "../components/panel";
import { ScrollBox } from "../components/scroll-box";
import { DashboardSection } from "../components/section";
import { formatMinutes } from "../lib/duration";
import { agentDot, workloadPercent } from "../lib/status";
import type { AgentRow, DashboardQuery } from "../types";

function StatusDot({ agent }: { agent: AgentRow }) {
  const { t } = useTranslation();
  const label = isOneOf(AGENT_STATUS_VALUES, agent.status)
    ? t(`waAnalytics.agentStatus.${agent.status}`)
    : agent.status;
  return (
    <span
      className="inline-flex items-center gap-1.5 whitespace-nowrap"
      data-testid="wa-agent-status"
      data-status={agent.status}
      title={
        agent.last_message_at
          ? t("waAnalytics.agents.lastMessage", { time: formatDateTime(agent.last_message_at) })
          : undefined
      }
    >
      <span aria-hidden className={cn("size-2.5 rounded-full", agentDot(agent.status))} />
      {label}
    </span>
  );
}

function Workload({ open, busiest }: { open: number; busiest: number }) {
  const locale = currentLocale();
  return (
    <div className="flex items-center justify-end gap-2">
      <div className="h-2 w-14 rounded-full bg-slate-100" aria-hidden>
        <div
          className="h-2 rounded-full bg-navy-700"
          style={{ width: `${workloadPercent(open, busiest)}%` }}
        />
      </div>
      <span className="w-8 text-right tabular">{formatNumber(open, locale)}</span>
    </div>
  );
}

function AgentsTable({ agents }: { agents: readonly AgentRow[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const busiest = Math.max(0, ...agents.map((a) => a.open_now));
  const num = "text-right tabular";
  // Headers wrap: eight columns fit the panel without scrolling on a laptop.
  const head = "whitespace-normal align-bottom py-2";
  return (
    <ScrollBox label={t("waAnalytics.agents.tableTitle")}>
      <Table>
        <TableCaption>{t("waAnalytics.agents.title")}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead className={head}>{t("waAnalytics.agents.agent")}</TableHead>
            <TableHead className={cn(head, "text-right")}>
              {t("waAnalytics.conversation.conversations")}
            </TableHead>
            <TableHead className={cn(head, "text-right")}>
              {t("waAnalytics.conversation.resolved")}
            </TableHead>
            <TableHead className={cn(head, "text-right")}>
              {t("waAnalytics.agents.resolutionRate")}
            </TableHead>
            <TableHead className={cn(head, "text-right")}>
              {t("waAnalytics.agents.firstResponse")}
            </TableHead>
            <TableHead className={cn(head, "text-right")}>
              {t("waAnalytics.agents.messagesSent")}
            </TableHead>
            <TableHead className={cn(head, "text-right")}>
              {t("waAnalytics.agents.openNow")}
            </TableHead>
            <TableHead className={head}>{t("waAnalytics.common.status")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {agents.map((a) => (
            <TableRow key={a.agent_id} data-testid="wa-agent-row" data-agent={a.agent_id}>
              <TableCell className="font-medium whitespace-nowrap text-navy-900">
                {a.agent_name}
              </TableCell>
              <TableCell className={num}>{formatNumber(a.conversations, locale)}</TableCell>
              <TableCell className={num}>{formatNumber(a.resolved, locale)}</TableCell>
              <TableCell className={num}>{formatPercent(a.resolution_rate, locale, 1)}</TableCell>
              <TableCell className={cn(num, "whitespace-nowrap")}>
                {formatMinutes(a.first_response.median, locale)}
                <span className="text-muted"> / {formatMinutes(a.first_response.p90, locale)}</span>
              </TableCell>
              <TableCell className={num}>{formatNumber(a.messages_sent, locale)}</TableCell>
              <TableCell>
                <Workload open={a.open_now} busiest={busiest} />
              </TableCell>
              <TableCell>
                <StatusDot agent={a} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollBox>
  );
}

/** Per agent: conversations, resolutions, response times, messages, workload, presence. */
export function AgentsSection({ query }: { query: DashboardQuery }) {
  const { t } = useTranslation();
  const result = useQuery(agentProductivityQueryOptions(query));
  return (
    <DashboardSection
      id="agents"
      title={t("waAnalytics.agents.title")}
      description={t("waAnalytics.agents.description")}
      query={result}
    >
      {(data) => (
        <Panel
          title={t("waAnalytics.agents.tableTitle")}
          description={t("waAnalytics.agents.tableHint")}
          testId="wa-agents"
        >
          {data.agents.length === 0 ? (
            <NoData title={t("waAnalytics.agents.empty")} />
          ) : (
            <AgentsTable agents={data.agents} />
          )}
        </Panel>
      )}
    </DashboardSection>
  );
}
