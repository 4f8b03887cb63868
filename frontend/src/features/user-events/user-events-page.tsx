import { useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { Download } from "lucide-react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { USER_EVENT_TYPE_VALUES } from "@/api/enums.gen";
import { isApiError } from "@/api/errors";
import { DataTable } from "@/components/data-table/data-table";
import { SelectFilter } from "@/components/data-table/filters";
import { DateRangeFilter } from "@/components/form/date-range";
import { EnumOptions } from "@/components/form/enum-options";
import { PageHeader } from "@/components/layout/page-header";
import { useListPage } from "@/components/list-page/use-list-page";
import { EmptyState, ForbiddenState } from "@/components/states/states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useEnumLabel } from "@/lib/enums";
import { useErrorMessage } from "@/lib/error-message";
import { formatDateTime } from "@/lib/format";
import {
  eventUsersQueryOptions,
  exportUserEvents,
  userEventsQuery,
  userEventsQueryOptions,
  type UserEvent,
} from "./api";
import { typeVariant, USER_EVENT_TYPE_LABEL, USER_EVENTS_TABLE } from "./table";

const col = createColumnHelper<UserEvent>();

/** Who did what: the actor of an event (a user, an e-mail typed at a failed sign-in, or an API key). */
function actor(event: UserEvent): string {
  if (event.api_key_name) return event.api_key_name;
  return event.user_name ?? event.email ?? event.user_email ?? "—";
}

/** A short reading of an event's details: an export's filters, an import's counts. */
function detailText(details: UserEvent["details"]): string {
  const value = details as Record<string, unknown>;
  const filters = value.filters as Record<string, unknown> | undefined;
  const source = filters ?? value;
  return Object.entries(source)
    .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(", ");
}

/** "Log aktivitas pengguna": sign-ins, exports, imports and sensitive views, for super admins. */
export default function UserEventsPage() {
  const { t } = useTranslation();
  const typeLabel = useEnumLabel(USER_EVENT_TYPE_LABEL);
  const errorMessage = useErrorMessage();
  const users = useQuery(eventUsersQueryOptions);

  const columns = useMemo(
    () => [
      col.accessor("occurred_at", {
        header: t("userEvents.columns.occurredAt"),
        meta: {
          label: t("userEvents.columns.occurredAt"),
          className: "whitespace-nowrap tabular-nums",
        },
        enableSorting: false,
        cell: (c) => formatDateTime(c.getValue()),
      }),
      col.accessor("type", {
        header: t("userEvents.columns.type"),
        meta: { label: t("userEvents.columns.type") },
        enableSorting: false,
        cell: (c) => (
          <Badge variant={typeVariant(c.getValue())} data-testid="user-event-type">
            {typeLabel(c.getValue())}
          </Badge>
        ),
      }),
      col.display({
        id: "actor",
        header: t("userEvents.columns.actor"),
        meta: { label: t("userEvents.columns.actor") },
        cell: (c) => (
          <div className="min-w-40" data-testid="user-event-actor">
            <p className="font-medium text-navy-900">{actor(c.row.original)}</p>
            {c.row.original.user_email ? (
              <p className="text-xs text-muted">{c.row.original.user_email}</p>
            ) : null}
          </div>
        ),
      }),
      col.accessor("resource", {
        header: t("userEvents.columns.resource"),
        meta: { label: t("userEvents.columns.resource") },
        enableSorting: false,
        cell: (c) => c.getValue() ?? "—",
      }),
      col.accessor("details", {
        header: t("userEvents.columns.details"),
        meta: { label: t("userEvents.columns.details") },
        enableSorting: false,
        cell: (c) => (
          <p className="line-clamp-2 max-w-sm text-xs text-muted">
            {detailText(c.getValue()) || "—"}
          </p>
        ),
      }),
      col.accessor("ip", {
        header: t("userEvents.columns.ip"),
        meta: { label: t("userEvents.columns.ip"), className: "whitespace-nowrap tabular-nums" },
        enableSorting: false,
        cell: (c) => c.getValue() ?? "—",
      }),
    ],
    [t, typeLabel],
  );
  const list = useListPage({
    table: USER_EVENTS_TABLE,
    toQuery: userEventsQuery,
    queryOptions: userEventsQueryOptions,
    columns,
    getRowId: (row) => String(row.id),
    exportList: ({ query }) => exportUserEvents(query),
    onExportError: (e) => toast.error(errorMessage(e)),
  });
  const { state, setFilter: set } = list;

  if (isApiError(list.result.error) && list.result.error.status === 403) return <ForbiddenState />;

  return (
    <>
      <PageHeader title={t("userEvents.title")} description={t("userEvents.subtitle")} />
      <section data-testid="user-events-table">
        <DataTable
          {...list.dataTable}
          caption={t("userEvents.title")}
          actions={
            <Button
              variant="outline"
              size="sm"
              onClick={list.exportRows}
              disabled={list.exporting}
              data-testid="export-user-events"
            >
              <Download aria-hidden /> {t("userEvents.export")}
            </Button>
          }
          filters={
            <>
              <SelectFilter
                value={state.filters.type}
                onChange={(value) => set("type", value)}
                label={t("userEvents.columns.type")}
                allLabel={t("userEvents.filters.allTypes")}
                testId="filter-type"
              >
                <EnumOptions values={USER_EVENT_TYPE_VALUES} labels={USER_EVENT_TYPE_LABEL} />
              </SelectFilter>
              <SelectFilter
                value={state.filters.user_id}
                onChange={(value) => set("user_id", value)}
                label={t("userEvents.filters.user")}
                allLabel={t("userEvents.filters.allUsers")}
                testId="filter-user"
              >
                {(users.data?.data ?? []).map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.full_name} ({u.email})
                  </option>
                ))}
              </SelectFilter>
              <DateRangeFilter
                from={state.filters.from}
                to={state.filters.to}
                onChange={({ from, to }) => list.setFilters({ from, to })}
              />
            </>
          }
          empty={
            <EmptyState title={t("userEvents.empty")} description={t("userEvents.emptyBody")} />
          }
        />
      </section>
    </>
  );
}
