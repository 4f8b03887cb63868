import { Link } from "@tanstack/react-router";
import { BarChart3, Download, Plus, X } from "lucide-react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { DataTable } from "@/components/data-table/data-table";
import { SearchFilter, SelectFilter } from "@/components/data-table/filters";
import { useListPage } from "@/components/list-page/use-list-page";
import { DateRangeFilter } from "@/components/form/date-range";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/states/states";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useMe } from "@/features/auth/api";
import { useErrorMessage } from "@/lib/error-message";
import { cn } from "@/lib/utils";
import { formatDate } from "@/lib/format";
import { ticketsQueryOptions } from "./api";
import { exportTickets } from "./exports";
import { TICKET_PRIORITY_VALUES, TICKET_STATUS_VALUES, TICKET_TYPE_VALUES } from "@/api/enums.gen";
import { EnumOptions } from "@/components/form/enum-options";
import {
  DEPARTMENT_LABEL,
  SLA_FILTER_LABEL,
  TICKET_PRIORITY_LABEL,
  TICKET_STATUS_LABEL,
  TICKET_TYPE_LABEL,
} from "./labels";
import {
  SLA_FILTERS,
  TARGET_DEPTS,
  createsTickets,
  parseView,
  viewToAssignedTo,
  type QueueView,
} from "./lib";
import { QUEUE_TABLE } from "./queue-table";
import type { TicketListQuery } from "./types";
import { useQueueColumns } from "./queue-columns";

export default function QueuePage() {
  const { t } = useTranslation();
  const me = useMe();
  const errorMessage = useErrorMessage();
  const list = useListPage({
    table: QUEUE_TABLE,
    // The tab (`view`) is the URL's; the API reads it as `assigned_to`.
    toQuery: (api, state) =>
      Object.fromEntries(
        Object.entries({
          ...api,
          assigned_to: viewToAssignedTo(parseView(state.filters.view, me.role)),
        }).filter(([key, value]) => key !== "view" && value !== undefined),
      ) as TicketListQuery,
    queryOptions: ticketsQueryOptions,
    columns: useQueueColumns(),
    getRowId: (row) => row.id,
    exportList: ({ query }) => exportTickets(query),
    onExportError: (e) => toast.error(errorMessage(e)),
  });
  const { state, setState, setFilter: set } = list;
  const view = parseView(state.filters.view, me.role);

  const tabs: { key: QueueView; testId: string }[] = [
    { key: "mine", testId: "tab-mine" },
    { key: "unassigned", testId: "tab-unassigned" },
    // "All": everything you may see (for a CS agent, their own and the unassigned).
    { key: "all", testId: "tab-all" },
  ];

  return (
    <>
      <PageHeader
        title={t("tickets.queue.title")}
        description={t("tickets.queue.subtitle")}
        actions={
          <>
            <Button asChild variant="outline">
              <Link to="/ticketing/tickets/sla">
                <BarChart3 aria-hidden /> {t("tickets.sla.title")}
              </Link>
            </Button>
            {createsTickets(me.role) ? (
              <Button asChild>
                <Link to="/ticketing/tickets/new" data-testid="new-ticket">
                  <Plus aria-hidden /> {t("tickets.new.title")}
                </Link>
              </Button>
            ) : null}
          </>
        }
      />
      <div
        role="group"
        aria-label={t("tickets.queue.tabs")}
        className="mb-4 flex flex-wrap gap-1 border-b border-border"
      >
        {tabs.map((tab) => (
          <button
            key={tab.key}
            type="button"
            aria-pressed={view === tab.key}
            data-testid={tab.testId}
            onClick={() => set("view", tab.key)}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap",
              view === tab.key
                ? "border-accent-500 text-navy-900"
                : "border-transparent text-slate-600 hover:text-navy-900",
            )}
          >
            {t(`tickets.queue.tab.${tab.key}`)}
          </button>
        ))}
      </div>
      <DataTable
        {...list.dataTable}
        caption={t("tickets.queue.title")}
        actions={
          <Button
            variant="outline"
            size="sm"
            onClick={list.exportRows}
            disabled={list.exporting}
            data-testid="export-tickets"
          >
            <Download aria-hidden /> {t("tickets.queue.export")}
          </Button>
        }
        onClearFilters={() =>
          setState({
            ...state,
            page: 1,
            filters: state.filters.view ? { view: state.filters.view } : {},
          })
        }
        filters={
          <>
            <SearchFilter
              value={state.filters.q}
              onChange={(value) => set("q", value)}
              label={t("tickets.queue.search")}
              placeholder={t("tickets.queue.searchPlaceholder")}
            />
            <AwbFilter
              value={state.filters.tracking_number}
              onChange={(v) => set("tracking_number", v)}
            />
            <SelectFilter
              value={state.filters.status}
              onChange={(value) => set("status", value)}
              label={t("tickets.fields.status")}
              allLabel={t("tickets.queue.allStatuses")}
              testId="filter-status"
            >
              <EnumOptions values={TICKET_STATUS_VALUES} labels={TICKET_STATUS_LABEL} />
            </SelectFilter>
            <SelectFilter
              value={state.filters.priority}
              onChange={(value) => set("priority", value)}
              label={t("tickets.fields.priority")}
              allLabel={t("tickets.queue.allPriorities")}
            >
              <EnumOptions values={TICKET_PRIORITY_VALUES} labels={TICKET_PRIORITY_LABEL} />
            </SelectFilter>
            <SelectFilter
              value={state.filters.type}
              onChange={(value) => set("type", value)}
              label={t("tickets.fields.type")}
              allLabel={t("tickets.queue.allTypes")}
            >
              <EnumOptions values={TICKET_TYPE_VALUES} labels={TICKET_TYPE_LABEL} />
            </SelectFilter>
            <SelectFilter
              value={state.filters.dept}
              onChange={(value) => set("dept", value)}
              label={t("tickets.fields.dept")}
              allLabel={t("tickets.queue.allDepts")}
              testId="filter-dept"
            >
              <EnumOptions values={TARGET_DEPTS} labels={DEPARTMENT_LABEL} />
            </SelectFilter>
            <SelectFilter
              value={state.filters.sla}
              onChange={(value) => set("sla", value)}
              label={t("tickets.queue.sla")}
              allLabel={t("tickets.queue.anySla")}
            >
              <EnumOptions values={SLA_FILTERS} labels={SLA_FILTER_LABEL} />
            </SelectFilter>
            <DateRangeFilter
              from={state.filters.from}
              to={state.filters.to}
              onChange={({ from, to }) => list.setFilters({ from, to })}
            />
            <DrillDownChips
              closedFrom={state.filters.closed_from}
              closedTo={state.filters.closed_to}
              unanswered={state.filters.unanswered === "true"}
              onClear={(keys) =>
                list.setFilters(Object.fromEntries(keys.map((k) => [k, undefined])))
              }
            />
          </>
        }
        empty={
          <EmptyState
            title={t(`tickets.queue.empty.${view}`)}
            description={t("tickets.queue.emptyBody")}
          />
        }
      />
    </>
  );
}

/** The dashboard's drill-downs in force (closed on a day, unanswered), each removable. */
function DrillDownChips({
  closedFrom,
  closedTo,
  unanswered,
  onClear,
}: {
  closedFrom: string | undefined;
  closedTo: string | undefined;
  unanswered: boolean;
  onClear: (keys: ("closed_from" | "closed_to" | "unanswered")[]) => void;
}) {
  const { t } = useTranslation();
  if (!closedFrom && !closedTo && !unanswered) return null;
  const chip =
    "inline-flex items-center gap-1 rounded-full bg-navy-50 px-3 py-1 text-sm text-navy-900";
  return (
    <div className="flex flex-wrap items-end gap-2 self-end" data-testid="queue-drilldown">
      {closedFrom || closedTo ? (
        <span className={chip}>
          {t("tickets.queue.closedBetween", {
            from: formatDate(closedFrom ?? closedTo),
            to: formatDate(closedTo ?? closedFrom),
          })}
          <button
            type="button"
            aria-label={t("tickets.queue.removeFilter")}
            onClick={() => onClear(["closed_from", "closed_to"])}
          >
            <X aria-hidden className="size-3.5" />
          </button>
        </span>
      ) : null}
      {unanswered ? (
        <span className={chip}>
          {t("tickets.queue.unanswered")}
          <button
            type="button"
            aria-label={t("tickets.queue.removeFilter")}
            onClick={() => onClear(["unanswered"])}
          >
            <X aria-hidden className="size-3.5" />
          </button>
        </span>
      ) : null}
    </div>
  );
}

/** Exact AWB filter; applied on Enter or when the field loses focus. */
function AwbFilter({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="flex w-full flex-col gap-1 sm:w-48">
      <label htmlFor="filter-awb" className="text-xs font-medium text-slate-700">
        {t("tickets.fields.awb")}
      </label>
      <Input
        id="filter-awb"
        key={value ?? ""}
        defaultValue={value ?? ""}
        data-testid="filter-awb"
        onKeyDown={(e) => {
          if (e.key === "Enter") onChange(e.currentTarget.value.trim() || undefined);
        }}
        onBlur={(e) => {
          const next = e.currentTarget.value.trim() || undefined;
          if (next !== value) onChange(next);
        }}
      />
    </div>
  );
}
