import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorState } from "@/components/states/states";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { hasMenu } from "@/features/auth/access";
import { useMe } from "@/features/auth/api";
import { DEPARTMENT_LABEL } from "@/features/tickets/labels";
import { currentLocale } from "@/i18n";
import { useEnumLabel } from "@/lib/enums";
import { formatDateTime, formatNumber } from "@/lib/format";
import { cn } from "@/lib/utils";
import { dashboardSummaryQueryOptions, type DashboardSummary } from "./api";
import { ArOverdueCard } from "./ar-overdue-card";
import { AppLink, linkClass } from "./dashboard-link";

function StatCard({
  label,
  testId,
  value,
  tone,
  footer,
}: {
  label: string;
  testId: string;
  value: number | undefined;
  tone?: "danger" | "success";
  footer?: ReactNode;
}) {
  const locale = currentLocale();
  return (
    <Card className="flex flex-col gap-1 p-4">
      <p className="text-sm text-muted">{label}</p>
      {value === undefined ? (
        <Skeleton className="h-8 w-16" />
      ) : (
        <p
          data-testid={testId}
          className={cn(
            "text-2xl font-semibold tabular-nums text-navy-900",
            tone === "danger" && value > 0 && "text-danger",
            tone === "success" && "text-success",
          )}
        >
          {formatNumber(value, locale)}
        </p>
      )}
      {footer ? <div className="mt-auto pt-1 text-sm">{footer}</div> : null}
    </Card>
  );
}

/** The ticket statuses the "open tickets" widget counts. */
const OPEN_STATUSES = "open,in_progress,pending,on_hold";

/**
 * The ticket queue with the widget's own filter (DASH-2: the list shows the number), on
 * the "all" tab: everything the user may see, as the widget counts it.
 */
function ticketListLink(filters: Record<string, string>): string {
  return `/ticketing/tickets?${new URLSearchParams({ view: "all", ...filters }).toString()}`;
}

function priorityVariant(priority: string): "danger" | "warning" | "muted" {
  if (priority === "urgent") return "danger";
  if (priority === "high") return "warning";
  return "muted";
}

function HighPriorityCard({
  data,
  linked,
}: {
  data: DashboardSummary | undefined;
  /** Whether the user has the ticket queue the link opens. */
  linked: boolean;
}) {
  const { t } = useTranslation();
  const departmentLabel = useEnumLabel(DEPARTMENT_LABEL);
  const locale = currentLocale();
  return (
    <Card data-testid="dash-high-priority" className="lg:col-span-2">
      <CardHeader className="flex-row items-baseline justify-between gap-2">
        <CardTitle>{t("broadcasts.dashboard.highPriorityTitle")}</CardTitle>
        {data ? (
          <span className="text-sm text-muted">
            {t("broadcasts.dashboard.highPriorityCount")}:{" "}
            <strong
              data-testid="dash-high-priority-count"
              className={cn(
                "tabular-nums",
                data.high_priority_unhandled > 0 ? "text-danger" : "text-navy-900",
              )}
            >
              {formatNumber(data.high_priority_unhandled, locale)}
            </strong>{" "}
            {linked ? (
              <AppLink
                testId="dash-high-priority-link"
                to={ticketListLink({
                  status: OPEN_STATUSES,
                  priority: "high,urgent",
                  unanswered: "true",
                })}
                className={linkClass}
              >
                {t("dashboard.widgets.seeList")}
              </AppLink>
            ) : null}
          </span>
        ) : null}
      </CardHeader>
      <CardContent>
        {!data ? (
          <Skeleton className="h-24 w-full" />
        ) : data.high_priority_tickets.length === 0 ? (
          <p className="text-sm text-muted">{t("broadcasts.dashboard.noHighPriority")}</p>
        ) : (
          <ul className="divide-y divide-border">
            {data.high_priority_tickets.map((ticket) => (
              <li key={ticket.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
                <Badge variant={priorityVariant(ticket.priority)}>
                  {t(`broadcasts.dashboard.priority.${ticket.priority}`, ticket.priority)}
                </Badge>
                <Link
                  to="/ticketing/tickets/$ticketId"
                  params={{ ticketId: ticket.id }}
                  className="font-medium text-navy-900 tabular-nums underline-offset-2 hover:underline"
                >
                  {ticket.ticket_code}
                </Link>
                <span className="min-w-0 flex-1 truncate text-sm text-foreground">
                  {ticket.subject}
                </span>
                <span className="text-xs text-muted tabular-nums">
                  {departmentLabel(ticket.dept_target)} · {formatDateTime(ticket.created_at)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

/** The DASH-1 counters and the high-priority ticket list. */
export function DashboardWidgets() {
  const { t } = useTranslation();
  const me = useMe();
  const summary = useQuery(dashboardSummaryQueryOptions());
  const data = summary.data;
  // The ticket widgets link to the queue only for those who have the Ticketing menu.
  const queue = hasMenu(me, "ticketing");

  if (summary.isError) {
    return <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />;
  }
  const showBroadcasts =
    data !== undefined &&
    data.broadcasts_sent_today !== null &&
    data.broadcasts_sent_today !== undefined;
  const showFailed =
    data !== undefined &&
    data.broadcasts_failed_today !== null &&
    data.broadcasts_failed_today !== undefined;

  return (
    <section aria-labelledby="dash-widgets" className="flex flex-col gap-4">
      <h2 id="dash-widgets" className="text-sm font-semibold text-slate-700">
        {t("broadcasts.dashboard.widgetsTitle")}
      </h2>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        <StatCard
          testId="dash-open-tickets"
          label={t("broadcasts.dashboard.openTickets")}
          value={data?.open_tickets}
          footer={
            data && queue ? (
              <AppLink
                testId="dash-open-tickets-link"
                to={ticketListLink({ status: OPEN_STATUSES })}
                className={linkClass}
              >
                {t("dashboard.widgets.seeList")}
              </AppLink>
            ) : null
          }
        />
        <StatCard
          testId="dash-closed-today"
          label={t("broadcasts.dashboard.closedToday")}
          value={data?.tickets_closed_today}
          footer={
            data && queue ? (
              <AppLink
                testId="dash-closed-today-link"
                to={ticketListLink({ closed_from: data.today, closed_to: data.today })}
                className={linkClass}
              >
                {t("dashboard.widgets.seeList")}
              </AppLink>
            ) : null
          }
        />
        <StatCard
          testId="dash-tasks-due"
          label={t("broadcasts.dashboard.myTasksDue")}
          value={data?.my_tasks_due}
          tone="danger"
          footer={
            hasMenu(me, "crm") ? (
              <AppLink to="/crm/tasks" className={linkClass}>
                {t("broadcasts.dashboard.openTasks")}
              </AppLink>
            ) : null
          }
        />
        {showBroadcasts ? (
          <StatCard
            testId="dash-broadcasts-sent"
            label={t("broadcasts.dashboard.broadcastsSent")}
            value={data.broadcasts_sent_today ?? 0}
            tone="success"
            footer={
              <Link to="/ticketing/broadcasts" className={linkClass}>
                {t("broadcasts.dashboard.openMonitor")}
              </Link>
            }
          />
        ) : null}
        {showFailed ? (
          <StatCard
            testId="dash-broadcasts-failed"
            label={t("broadcasts.dashboard.broadcastsFailed")}
            value={data.broadcasts_failed_today ?? 0}
            tone="danger"
            footer={
              <AppLink
                testId="dash-broadcasts-failed-link"
                to={`/ticketing/broadcasts?${new URLSearchParams({ status: "failed", from: data.today, to: data.today }).toString()}`}
                className={linkClass}
              >
                {t("dashboard.widgets.seeList")}
              </AppLink>
            }
          />
        ) : null}
        {data?.ar_overdue_total != null ? (
          <ArOverdueCard total={data.ar_overdue_total} invoices={data.ar_overdue_invoices ?? 0} />
        ) : null}
      </div>
      <HighPriorityCard data={data} linked={queue} />
    </section>
  );
}
