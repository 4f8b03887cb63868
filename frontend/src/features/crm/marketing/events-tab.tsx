import { useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { Download, Plus } from "lucide-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "@/api/errors";
import { DataTable } from "@/components/data-table/data-table";
import { EmptyState } from "@/components/states/states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { currentLocale } from "@/i18n";
import { formatDate, formatDateTime, formatIDR } from "@/lib/format";
import { QueryError } from "../components/crm-page";
import { DateRangeFilter } from "@/components/form/date-range";
import { csvFileName, downloadRowsCsv } from "../lib/csv";
import { EventDialog } from "./event-dialog";
import { channelName, useEventTypeLabel } from "./labels";
import { channelsQueryOptions, eventsQueryOptions } from "./marketing-api";
import type { MarketingFilters } from "./marketing-schema";
import type { EventListQuery, MarketingEvent } from "./types";
import { useLocalTable } from "./use-local-table";

const col = createColumnHelper<MarketingEvent>();
type EventFilter = "from" | "to";

export function EventsTab({
  filters,
  canWrite,
  onFilters,
}: {
  filters: MarketingFilters;
  canWrite: boolean;
  onFilters: (patch: Partial<Record<EventFilter, string | undefined>>) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const typeLabel = useEventTypeLabel();
  const [state, setState] = useLocalTable<EventFilter>({
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  });
  const query: EventListQuery = { ...state.filters, page: state.page, per_page: state.perPage };
  const events = useQuery(eventsQueryOptions(query));
  // Only for channel names; a failure leaves the codes showing.
  const channels = useQuery(channelsQueryOptions());
  const [adding, setAdding] = useState(false);

  const columns = useMemo(
    () => [
      col.accessor("event_date", {
        header: t("crm.marketing.events.date"),
        meta: { label: t("crm.marketing.events.date"), className: "whitespace-nowrap" },
        cell: (c) => <span className="tabular">{formatDate(c.getValue())}</span>,
      }),
      col.accessor("title", {
        header: t("crm.marketing.events.titleField"),
        meta: { label: t("crm.marketing.events.titleField"), className: "min-w-56" },
        cell: (c) => {
          const e = c.row.original;
          return (
            <span className="flex flex-col">
              <span className="font-medium text-navy-900">{e.title}</span>
              {e.description ? (
                <span className="line-clamp-2 text-xs text-muted" title={e.description}>
                  {e.description}
                </span>
              ) : null}
            </span>
          );
        },
      }),
      col.accessor("event_type", {
        header: t("crm.marketing.events.type"),
        meta: { label: t("crm.marketing.events.type") },
        cell: (c) => <Badge>{typeLabel(c.getValue())}</Badge>,
      }),
      col.accessor("channel", {
        header: t("crm.marketing.events.channel"),
        meta: { label: t("crm.marketing.events.channel"), className: "whitespace-nowrap" },
        cell: (c) => {
          const code = c.getValue();
          return code ? channelName(channels.data, code) : <span className="text-muted">—</span>;
        },
      }),
      col.accessor("budget", {
        header: t("crm.marketing.events.budget"),
        meta: {
          label: t("crm.marketing.events.budget"),
          align: "right",
          className: "whitespace-nowrap tabular",
        },
        cell: (c) => formatIDR(c.getValue(), locale),
      }),
      col.accessor("created_by_name", {
        header: t("crm.marketing.enteredBy"),
        meta: { label: t("crm.marketing.enteredBy"), className: "whitespace-nowrap" },
        cell: (c) => (
          <span className="flex flex-col">
            <span>{c.getValue() ?? "—"}</span>
            <span className="text-xs text-muted tabular">
              {formatDateTime(c.row.original.created_at)}
            </span>
          </span>
        ),
      }),
    ],
    [t, locale, typeLabel, channels.data],
  );

  if (isApiError(events.error) && events.error.status === 403) {
    return <QueryError error={events.error} onRetry={() => void events.refetch()} />;
  }

  const rows = events.data?.data;
  const exportCsv = () => {
    if (!rows) return;
    downloadRowsCsv(
      csvFileName(t("crm.marketing.events.exportFile"), filters.from, filters.to, `p${state.page}`),
      [
        { header: "event_date", value: (e: MarketingEvent) => e.event_date },
        { header: "title", value: (e) => e.title },
        { header: "event_type", value: (e) => e.event_type },
        { header: "channel", value: (e) => e.channel },
        { header: "budget_idr", value: (e) => e.budget },
        { header: "description", value: (e) => e.description },
        { header: "entered_by", value: (e) => e.created_by_name },
        { header: "entered_at", value: (e) => e.created_at },
      ],
      rows,
    );
  };

  return (
    <>
      <div data-testid="marketing-events-table">
        <DataTable
          caption={t("crm.marketing.events.caption")}
          columns={columns}
          rows={rows}
          total={events.data?.total ?? 0}
          totalCapped={events.data?.total_capped}
          state={state}
          onStateChange={setState}
          sortable={[]}
          getRowId={(e) => e.id}
          isLoading={events.isPending}
          isFetching={events.isFetching}
          error={events.error}
          onRetry={() => void events.refetch()}
          onClearFilters={() => onFilters({ from: undefined, to: undefined })}
          empty={
            <EmptyState
              className="border-0"
              title={t("crm.marketing.events.emptyTitle")}
              description={
                canWrite
                  ? t("crm.marketing.events.emptyBody")
                  : t("crm.marketing.events.emptyBodyReadOnly")
              }
            />
          }
          filters={<DateRangeFilter from={filters.from} to={filters.to} onChange={onFilters} />}
          actions={
            <>
              <Button
                variant="outline"
                size="sm"
                onClick={exportCsv}
                disabled={!rows || rows.length === 0}
              >
                <Download aria-hidden />
                <span className="hidden sm:inline">{t("common.exportCsv")}</span>
              </Button>
              {canWrite ? (
                <Button
                  variant="accent"
                  size="sm"
                  onClick={() => setAdding(true)}
                  data-testid="marketing-add-event"
                >
                  <Plus aria-hidden />
                  {t("crm.marketing.events.add")}
                </Button>
              ) : null}
            </>
          }
        />
      </div>
      {canWrite ? <EventDialog open={adding} onOpenChange={setAdding} /> : null}
    </>
  );
}
