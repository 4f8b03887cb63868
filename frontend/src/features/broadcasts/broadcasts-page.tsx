import { createColumnHelper } from "@tanstack/react-table";
import { Download } from "lucide-react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { BROADCAST_STATUS_VALUES } from "@/api/enums.gen";
import { isApiError } from "@/api/errors";
import { DataTable } from "@/components/data-table/data-table";
import { SearchFilter, SelectFilter } from "@/components/data-table/filters";
import { useListPage } from "@/components/list-page/use-list-page";
import { DateRangeFilter } from "@/components/form/date-range";
import { EnumOptions } from "@/components/form/enum-options";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState, ForbiddenState } from "@/components/states/states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useMe } from "@/features/auth/api";
import { useEnumLabel } from "@/lib/enums";
import { useErrorMessage } from "@/lib/error-message";
import { formatDateTime } from "@/lib/format";
import { useRawSearch } from "@/lib/url-search";
import {
  broadcastLogsQueryOptions,
  readsBroadcasts,
  useLiveBroadcasts,
  type BroadcastLog,
} from "./api";
import { exportBroadcastLogs } from "./exports";
import { LiveIndicator } from "./live-indicator";
import { ShipmentDialog } from "./shipment-dialog";
import { BroadcastSummaryPanel } from "./summary";
import { BROADCAST_STATUS_LABEL, BROADCASTS_TABLE, statusVariant } from "./table";

const col = createColumnHelper<BroadcastLog>();

/**
 * Broadcast monitor: the WhatsApp tracking messages n8n sends, with today's counts,
 * the 14-day success rate and the log. Updates live from the event stream.
 */
export default function BroadcastsPage() {
  const me = useMe();
  if (!readsBroadcasts(me.role)) return <ForbiddenState />;
  return <BroadcastMonitor />;
}

function BroadcastMonitor() {
  const { t } = useTranslation();
  const statusLabel = useEnumLabel(BROADCAST_STATUS_LABEL);
  const live = useLiveBroadcasts();
  const errorMessage = useErrorMessage();
  const [raw, go] = useRawSearch();
  const openAwb = typeof raw.awb === "string" && raw.awb !== "" ? raw.awb : undefined;
  const setAwb = (awb: string | undefined) => {
    const next: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(raw)) if (typeof v === "string") next[k] = v;
    next.awb = awb;
    go(next);
  };

  const columns = useMemo(
    () => [
      col.accessor("broadcast_at", {
        header: t("broadcasts.columns.broadcastAt"),
        meta: {
          label: t("broadcasts.columns.broadcastAt"),
          className: "whitespace-nowrap tabular-nums",
        },
        sortDescFirst: true,
        cell: (c) => formatDateTime(c.getValue()),
      }),
      col.accessor("tracking_number", {
        header: t("broadcasts.columns.awb"),
        meta: { label: t("broadcasts.columns.awb"), className: "whitespace-nowrap" },
        cell: (c) => (
          <button
            type="button"
            data-testid="broadcast-row"
            data-awb={c.getValue()}
            data-status={c.row.original.status}
            className="font-medium text-navy-900 tabular-nums underline-offset-2 hover:underline"
            aria-label={t("broadcasts.openShipment", { awb: c.getValue() })}
            onClick={() => setAwb(c.getValue())}
          >
            {c.getValue()}
          </button>
        ),
      }),
      col.accessor("consignee_phone", {
        header: t("broadcasts.columns.phone"),
        meta: { label: t("broadcasts.columns.phone"), className: "whitespace-nowrap tabular-nums" },
        enableSorting: false,
        cell: (c) => c.getValue() ?? "—",
      }),
      col.accessor("status", {
        header: t("broadcasts.columns.status"),
        meta: { label: t("broadcasts.columns.status") },
        cell: (c) => (
          <Badge variant={statusVariant(c.getValue())}>{statusLabel(c.getValue())}</Badge>
        ),
      }),
      col.accessor("message_content", {
        header: t("broadcasts.columns.message"),
        meta: { label: t("broadcasts.columns.message") },
        enableSorting: false,
        cell: (c) => {
          const log = c.row.original;
          return (
            <div className="max-w-md min-w-48">
              {log.status === "failed" && log.error_message ? (
                <p className="font-medium text-danger" data-testid="broadcast-error">
                  {log.error_message}
                </p>
              ) : null}
              <p className="line-clamp-2 text-xs text-muted">{c.getValue() ?? "—"}</p>
            </div>
          );
        },
      }),
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- setAwb reads the current URL when called
    [t, raw, statusLabel],
  );
  const list = useListPage({
    table: BROADCASTS_TABLE,
    queryOptions: broadcastLogsQueryOptions,
    columns,
    getRowId: (row) => row.id,
    exportList: ({ query }) => exportBroadcastLogs(query),
    onExportError: (e) => toast.error(errorMessage(e)),
  });
  const { state, setFilter: set } = list;

  const forbidden = isApiError(list.result.error) && list.result.error.status === 403;
  if (forbidden) return <ForbiddenState />;

  return (
    <>
      <PageHeader
        title={t("broadcasts.title")}
        description={t("broadcasts.subtitle")}
        actions={<LiveIndicator state={live} />}
      />
      <div className="flex flex-col gap-6">
        <BroadcastSummaryPanel />
        <section aria-labelledby="broadcast-log-title" data-testid="broadcast-table">
          <h2 id="broadcast-log-title" className="mb-3 text-base font-semibold text-foreground">
            {t("broadcasts.logTitle")}
          </h2>
          <DataTable
            {...list.dataTable}
            caption={t("broadcasts.logTitle")}
            actions={
              <Button
                variant="outline"
                size="sm"
                onClick={list.exportRows}
                disabled={list.exporting}
                data-testid="export-broadcasts"
              >
                <Download aria-hidden /> {t("broadcasts.export")}
              </Button>
            }
            filters={
              <>
                <SearchFilter
                  value={state.filters.tracking_number}
                  onChange={(value) => set("tracking_number", value)}
                  label={t("broadcasts.filters.awb")}
                  placeholder={t("broadcasts.filters.awbPlaceholder")}
                />
                <SearchFilter
                  value={state.filters.phone}
                  onChange={(value) => set("phone", value)}
                  label={t("broadcasts.filters.phone")}
                  placeholder={t("broadcasts.filters.phonePlaceholder")}
                />
                <SelectFilter
                  value={state.filters.status}
                  onChange={(value) => set("status", value)}
                  label={t("broadcasts.columns.status")}
                  allLabel={t("broadcasts.filters.allStatuses")}
                  testId="filter-status"
                >
                  <EnumOptions values={BROADCAST_STATUS_VALUES} labels={BROADCAST_STATUS_LABEL} />
                </SelectFilter>
                <DateRangeFilter
                  from={state.filters.from}
                  to={state.filters.to}
                  onChange={({ from, to }) => list.setFilters({ from, to })}
                />
              </>
            }
            empty={
              <EmptyState title={t("broadcasts.empty")} description={t("broadcasts.emptyBody")} />
            }
          />
        </section>
      </div>
      <ShipmentDialog awb={openAwb} onClose={() => setAwb(undefined)} />
    </>
  );
}
