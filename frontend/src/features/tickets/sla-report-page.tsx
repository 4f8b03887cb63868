import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { CalendarDays } from "lucide-react";
import { useTranslation } from "react-i18next";
import { DateRangeFilter } from "@/components/form/date-range";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState, ErrorState } from "@/components/states/states";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import {
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { currentLocale } from "@/i18n";
import { formatNumber, formatPercent } from "@/lib/format";
import { useUrlSearch } from "@/lib/url-search";
import { cn } from "@/lib/utils";
import { slaReportQueryOptions } from "./api";
import { PriorityBadge } from "./badges";
import { useTypeLabel } from "./type-label";
import type { SlaLine } from "./types";

const KEYS = ["from", "to"] as const;

function pctClass(pct: number, decided: number) {
  if (decided === 0) return "text-slate-600";
  if (pct >= 90) return "text-success";
  if (pct >= 70) return "text-yellow-900";
  return "text-danger";
}

export default function SlaReportPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const typeLabel = useTypeLabel();
  const [search, setSearch] = useUrlSearch(KEYS);
  const query = {
    ...(search.from ? { from: search.from } : {}),
    ...(search.to ? { to: search.to } : {}),
  };
  const report = useQuery(slaReportQueryOptions(query));
  const data = report.data;

  const pct = (value: number, met: number, breached: number) => (
    <span className={cn("font-medium tabular-nums", pctClass(value, met + breached))}>
      {met + breached === 0 ? "—" : formatPercent(value, locale)}
    </span>
  );

  const breachedLink = (line: SlaLine, count: number, total = false) =>
    count === 0 || !data ? (
      <span className="tabular-nums">{formatNumber(count, locale)}</span>
    ) : (
      <Link
        to="/ticketing/tickets"
        search={{
          view: "all",
          sla: "breached",
          from: data.from,
          to: data.to,
          ...(total ? {} : { type: line.ticket_type, priority: line.priority }),
        }}
        className="text-danger tabular-nums underline underline-offset-2"
        data-testid="sla-drilldown"
      >
        {formatNumber(count, locale)}
      </Link>
    );

  const row = (line: SlaLine, total = false) => (
    <>
      <TableCell className="tabular-nums">{formatNumber(line.tickets, locale)}</TableCell>
      <TableCell className="text-right">
        {pct(line.first_response_met_pct, line.first_response_met, line.first_response_breached)}
      </TableCell>
      <TableCell className="text-right tabular-nums">
        {formatNumber(line.first_response_met, locale)}
      </TableCell>
      <TableCell className="text-right">
        {breachedLink(line, line.first_response_breached, total)}
      </TableCell>
      <TableCell className="text-right tabular-nums">
        {formatNumber(line.first_response_at_risk, locale)}
      </TableCell>
      <TableCell className="text-right">
        {pct(line.resolution_met_pct, line.resolution_met, line.resolution_breached)}
      </TableCell>
      <TableCell className="text-right tabular-nums">
        {formatNumber(line.resolution_met, locale)}
      </TableCell>
      <TableCell className="text-right">
        {breachedLink(line, line.resolution_breached, total)}
      </TableCell>
      <TableCell className="text-right tabular-nums">
        {formatNumber(line.resolution_at_risk, locale)}
      </TableCell>
    </>
  );

  return (
    <>
      <PageHeader
        title={t("tickets.sla.title")}
        description={t("tickets.sla.subtitle")}
        actions={
          <Button asChild variant="outline">
            <Link to="/ticketing/tickets/sla/calendar" data-testid="sla-calendar-link">
              <CalendarDays aria-hidden /> {t("tickets.sla.calendarLink")}
            </Link>
          </Button>
        }
      />
      <div className="mb-4 flex flex-wrap items-end gap-3">
        <DateRangeFilter
          from={search.from ?? data?.from}
          to={search.to ?? data?.to}
          onChange={({ from, to }) => setSearch({ from, to })}
        />
      </div>
      {report.isLoading ? (
        <Skeleton className="h-64" />
      ) : report.error ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : !data || data.rows.length === 0 ? (
        <EmptyState title={t("tickets.sla.empty")} description={t("tickets.sla.emptyBody")} />
      ) : (
        <div
          role="region"
          aria-label={t("tickets.sla.title")}
          tabIndex={0}
          className="overflow-x-auto rounded-lg border border-border bg-surface"
        >
          <table className="w-full caption-bottom text-sm" data-testid="sla-table">
            <TableCaption className="sr-only">{t("tickets.sla.title")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead rowSpan={2}>{t("tickets.fields.type")}</TableHead>
                <TableHead rowSpan={2}>{t("tickets.fields.priority")}</TableHead>
                <TableHead rowSpan={2}>{t("tickets.sla.tickets")}</TableHead>
                <TableHead colSpan={4} className="text-center">
                  {t("tickets.sla.firstResponse")}
                </TableHead>
                <TableHead colSpan={4} className="text-center">
                  {t("tickets.sla.resolution")}
                </TableHead>
              </TableRow>
              <TableRow>
                {[0, 1].map((i) => (
                  <SubHeads key={i} />
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.rows.map((line) => (
                <TableRow key={`${line.ticket_type}-${line.priority}`} data-testid="sla-row">
                  <TableCell>{typeLabel(line.ticket_type)}</TableCell>
                  <TableCell>
                    <PriorityBadge priority={line.priority} />
                  </TableCell>
                  {row(line)}
                </TableRow>
              ))}
              <TableRow className="bg-slate-50 font-medium">
                <TableCell colSpan={2}>{t("tickets.sla.total")}</TableCell>
                {row(data.totals, true)}
              </TableRow>
            </TableBody>
          </table>
        </div>
      )}
      <p className="mt-3 text-xs text-slate-600">{t("tickets.sla.note")}</p>
    </>
  );
}

function SubHeads() {
  const { t } = useTranslation();
  return (
    <>
      <TableHead className="text-right">{t("tickets.sla.metPct")}</TableHead>
      <TableHead className="text-right">{t("tickets.sla.met")}</TableHead>
      <TableHead className="text-right">{t("tickets.sla.breached")}</TableHead>
      <TableHead className="text-right">{t("tickets.sla.atRisk")}</TableHead>
    </>
  );
}
