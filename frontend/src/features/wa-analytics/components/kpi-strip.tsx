import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { TICKET_PRIORITY_VALUES } from "@/api/enums.gen";
import { useTranslation } from "react-i18next";
import { ErrorState } from "@/components/states/states";
import { Badge } from "@/components/ui/badge";
import { Skeleton } from "@/components/ui/skeleton";
import { currentLocale } from "@/i18n";
import { formatNumber, formatPercent } from "@/lib/format";
import { cn } from "@/lib/utils";
import { kpiQueryOptions } from "../api";
import { formatMinutes } from "../lib/duration";
import { slaBorder } from "../lib/status";
import type { DashboardQuery, KpiStrip as Strip } from "../types";
import { SlaBadge } from "./sla-badge";
import { TrendBadge } from "./trend-badge";

function KpiCard({
  testId,
  label,
  value,
  children,
  className,
}: {
  testId: string;
  label: string;
  value: ReactNode;
  children?: ReactNode;
  className?: string;
}) {
  return (
    <div
      className={cn(
        "flex flex-col gap-1 rounded-lg border border-border bg-surface px-4 py-3 shadow-xs",
        className,
      )}
      data-testid={testId}
    >
      <p className="text-xs font-medium text-muted">{label}</p>
      <p
        className="text-2xl font-semibold whitespace-nowrap text-navy-900 tabular"
        data-testid={`${testId}-value`}
      >
        {value}
      </p>
      {children ? <div className="mt-auto text-xs text-slate-700">{children}</div> : null}
    </div>
  );
}

/** Most urgent first. */
const PRIORITIES = [...TICKET_PRIORITY_VALUES].reverse();

function Cards({ data }: { data: Strip }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const rt = data.response_time;
  const replied = rt.from_customer.n > 0;
  return (
    <>
      <KpiCard
        testId="wa-kpi-active"
        label={t("waAnalytics.kpi.active")}
        value={formatNumber(data.active_conversations, locale)}
      >
        <span className="flex flex-wrap items-center gap-x-2">
          {t("waAnalytics.kpi.started", { n: formatNumber(data.conversations.value, locale) })}
          <TrendBadge trend={data.conversations} better="neither" />
        </span>
      </KpiCard>
      <KpiCard
        testId="wa-kpi-response"
        label={t("waAnalytics.kpi.responseTime")}
        value={formatMinutes(replied ? rt.from_customer.median : null, locale)}
        className={cn("border-l-4", slaBorder(rt.sla.status))}
      >
        <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <SlaBadge status={rt.sla.status} />
          {replied ? <TrendBadge trend={rt.median_minutes} better="lower" /> : null}
        </span>
        <span className="mt-1 block" data-testid="wa-kpi-response-p90">
          {t("waAnalytics.kpi.p90", { value: formatMinutes(rt.from_customer.p90, locale) })} ·{" "}
          {t("waAnalytics.kpi.target", { value: formatMinutes(rt.sla.target_minutes, locale) })}
        </span>
      </KpiCard>
      <KpiCard
        testId="wa-kpi-delivery"
        label={t("waAnalytics.kpi.deliveryRate")}
        value={formatPercent(data.delivery_rate.value, locale, 1)}
      >
        <TrendBadge trend={data.delivery_rate} better="higher" />
      </KpiCard>
      <KpiCard
        testId="wa-kpi-tickets"
        label={t("waAnalytics.kpi.openTickets")}
        value={formatNumber(data.open_tickets.total, locale)}
      >
        <ul className="flex flex-wrap gap-1" aria-label={t("waAnalytics.kpi.byPriority")}>
          {PRIORITIES.map((p) => (
            <li key={p}>
              <Badge
                variant={p === "urgent" ? "danger" : p === "high" ? "warning" : "muted"}
                data-testid={`wa-kpi-tickets-${p}`}
              >
                {t(`broadcasts.dashboard.priority.${p}`)}{" "}
                {formatNumber(data.open_tickets[p], locale)}
              </Badge>
            </li>
          ))}
        </ul>
      </KpiCard>
      <KpiCard
        testId="wa-kpi-today"
        label={t("waAnalytics.kpi.messagesToday")}
        value={formatNumber(data.messages_today.value, locale)}
      >
        <span className="flex flex-wrap items-center gap-x-2">
          {t("waAnalytics.kpi.yesterday", {
            n: formatNumber(data.messages_today.previous, locale),
          })}
          <TrendBadge trend={data.messages_today} better="neither" against="yesterday" />
        </span>
      </KpiCard>
    </>
  );
}

/** The five KPI cards above the sections (GET dashboard/kpi). */
export function KpiStrip({ query }: { query: DashboardQuery }) {
  const { t } = useTranslation();
  const kpi = useQuery(kpiQueryOptions(query));
  let content: ReactNode;
  if (kpi.data) content = <Cards data={kpi.data} />;
  else if (kpi.isError)
    content = (
      <div className="col-span-full">
        <ErrorState error={kpi.error} onRetry={() => void kpi.refetch()} />
      </div>
    );
  else content = [0, 1, 2, 3, 4].map((i) => <Skeleton key={i} className="h-28" />);
  return (
    <section aria-label={t("waAnalytics.kpi.label")} className="mb-8">
      <div
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-5"
        data-testid="wa-kpi-strip"
        data-state={kpi.data ? "ready" : kpi.isError ? "error" : "loading"}
      >
        {content}
      </div>
    </section>
  );
}
