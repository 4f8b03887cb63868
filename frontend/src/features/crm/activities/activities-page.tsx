import { createColumnHelper } from "@tanstack/react-table";
import { Camera, ClipboardList, Download } from "lucide-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ActivityListQuery, Activity } from "../types";
import { DataTable } from "@/components/data-table/data-table";
import { SearchFilter, SelectFilter } from "@/components/data-table/filters";
import { useListPage } from "@/components/list-page/use-list-page";
import { EmptyState } from "@/components/states/states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { useMe } from "@/features/auth/api";
import { currentLocale } from "@/i18n";
import { formatDateTime } from "@/lib/format";
import { logsActivities } from "../access";
import { activitiesQueryOptions } from "../work-api";
import { CrmWorkPage } from "../components/crm-page";
import { DateRangeFilter } from "@/components/form/date-range";
import { OwnerFilter } from "../components/owner-filter";
import { useActivityTypeLabel } from "../labels";
import { csvFileName, downloadRowsCsv } from "../lib/csv";
import { ActivityDetailDialog } from "./activity-detail-dialog";
import { ActivityTypeIcon } from "./activity-type";
import { ACTIVITY_TYPE_VALUES } from "@/api/enums.gen";
import { formatDistance } from "./geo";
import { LogActivityDialog } from "./log-activity-dialog";
import { ACTIVITIES_TABLE } from "./table";

const col = createColumnHelper<Activity>();

export default function ActivitiesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const locale = currentLocale();
  const typeLabel = useActivityTypeLabel();
  const [logOpen, setLogOpen] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const canLog = logsActivities(me.role);

  const columns = useMemo(
    () => [
      col.accessor("occurred_at", {
        header: t("crm.activities.when"),
        meta: { label: t("crm.activities.when"), className: "whitespace-nowrap" },
        sortDescFirst: true,
        cell: (c) => {
          const a = c.row.original;
          return (
            <span className="flex flex-col">
              <span>{formatDateTime(a.occurred_at)}</span>
              {a.scheduled_at ? (
                <span className="text-xs text-muted">
                  {t("crm.activities.scheduledFor", { at: formatDateTime(a.scheduled_at) })}
                </span>
              ) : null}
            </span>
          );
        },
      }),
      col.accessor("activity_type", {
        header: t("crm.activities.type"),
        meta: { label: t("crm.activities.type") },
        cell: (c) => (
          <Badge variant={c.getValue() === "system" ? "muted" : "default"}>
            <ActivityTypeIcon type={c.getValue()} className="size-3.5" />
            {typeLabel(c.getValue())}
          </Badge>
        ),
      }),
      col.accessor("subject", {
        header: t("crm.activities.subject"),
        meta: { label: t("crm.activities.subject"), className: "min-w-56" },
        enableSorting: false,
        cell: (c) => {
          const a = c.row.original;
          return (
            <span className="flex flex-col">
              <button
                type="button"
                className="text-left font-medium text-navy-900 hover:underline"
                onClick={() => setOpenId(a.id)}
              >
                {a.subject}
              </button>
              {a.notes ? <span className="line-clamp-1 text-xs text-muted">{a.notes}</span> : null}
            </span>
          );
        },
      }),
      col.accessor("customer_name", {
        header: t("crm.activities.customer"),
        meta: { label: t("crm.activities.customer") },
        enableSorting: false,
        cell: (c) => c.getValue() ?? <span className="text-muted">—</span>,
      }),
      col.accessor("owner_name", {
        header: t("crm.owner.label"),
        meta: { label: t("crm.owner.label") },
        enableSorting: false,
        cell: (c) => c.getValue() ?? <span className="text-muted">—</span>,
      }),
      col.display({
        id: "evidence",
        header: t("crm.activities.evidence"),
        meta: { label: t("crm.activities.evidence"), className: "whitespace-nowrap" },
        cell: ({ row }) => {
          const a = row.original;
          if (!a.evidence_file_id && a.distance_m == null)
            return <span className="text-muted">—</span>;
          return (
            <span className="inline-flex items-center gap-2 text-xs">
              {a.evidence_file_id ? (
                <Camera
                  aria-label={t("crm.activities.hasPhoto")}
                  className="size-4 text-navy-700"
                />
              ) : null}
              {a.distance_m != null ? formatDistance(a.distance_m, locale) : null}
            </span>
          );
        },
      }),
      col.accessor("next_action", {
        header: t("crm.activities.nextAction"),
        meta: { label: t("crm.activities.nextAction") },
        enableSorting: false,
        cell: (c) => {
          const a = c.row.original;
          if (!a.next_action) return <span className="text-muted">—</span>;
          return (
            <span className="flex flex-col">
              <span>{a.next_action}</span>
              {a.next_action_at ? (
                <span className="text-xs text-muted">{formatDateTime(a.next_action_at)}</span>
              ) : null}
            </span>
          );
        },
      }),
    ],
    [t, typeLabel, locale],
  );

  const list = useListPage({
    table: ACTIVITIES_TABLE,
    toQuery: ({ include_system, ...rest }): ActivityListQuery => ({
      ...rest,
      ...(include_system === "false" ? { include_system: false } : {}),
    }),
    queryOptions: activitiesQueryOptions,
    columns,
    getRowId: (a) => a.id,
    exportList: ({ rows, state }) => {
      if (!rows) return;
      downloadRowsCsv(
        csvFileName(t("crm.activities.exportFile"), `p${state.page}`),
        [
          { header: "occurred_at", value: (a: Activity) => a.occurred_at },
          { header: "scheduled_at", value: (a) => a.scheduled_at },
          { header: "type", value: (a) => a.activity_type },
          { header: "subject", value: (a) => a.subject },
          { header: "notes", value: (a) => a.notes },
          { header: "customer", value: (a) => a.customer_name },
          { header: "owner", value: (a) => a.owner_name },
          { header: "distance_m", value: (a) => a.distance_m },
          { header: "next_action", value: (a) => a.next_action },
          { header: "next_action_at", value: (a) => a.next_action_at },
        ],
        rows,
      );
    },
  });
  const { state, rows } = list;

  return (
    <CrmWorkPage
      title={t("crm.activities.title")}
      description={t("crm.activities.subtitle")}
      actions={
        canLog ? (
          <Button variant="accent" onClick={() => setLogOpen(true)} data-testid="log-activity-open">
            <ClipboardList aria-hidden />
            {t("crm.activities.log")}
          </Button>
        ) : null
      }
    >
      <DataTable
        {...list.dataTable}
        caption={t("crm.activities.title")}
        empty={
          <EmptyState
            className="border-0"
            title={t("crm.activities.emptyTitle")}
            description={t("crm.activities.emptyBody")}
          />
        }
        actions={
          <Button
            variant="outline"
            size="sm"
            onClick={list.exportRows}
            disabled={!rows || rows.length === 0}
          >
            <Download aria-hidden />
            <span className="hidden sm:inline">{t("common.exportCsv")}</span>
          </Button>
        }
        filters={
          <>
            <SearchFilter
              label={t("common.search")}
              placeholder={t("crm.activities.searchPlaceholder")}
              value={state.filters.q}
              onChange={(q) => list.setFilter("q", q)}
            />
            <SelectFilter
              label={t("crm.activities.type")}
              allLabel={t("crm.activities.allTypes")}
              value={state.filters.type}
              onChange={(v) => list.setFilter("type", v)}
              testId="filter-type"
            >
              {[...ACTIVITY_TYPE_VALUES, "system"].map((ty) => (
                <option key={ty} value={ty}>
                  {typeLabel(ty)}
                </option>
              ))}
            </SelectFilter>
            <OwnerFilter value={state.filters.owner} onChange={(v) => list.setFilter("owner", v)} />
            <DateRangeFilter
              from={state.filters.from}
              to={state.filters.to}
              onChange={(r) => list.setFilters({ from: r.from, to: r.to })}
            />
            <label className="flex h-9 items-center gap-2 text-sm">
              <Checkbox
                checked={state.filters.include_system !== "false"}
                onChange={(e) =>
                  list.setFilter("include_system", e.target.checked ? undefined : "false")
                }
                data-testid="filter-include-system"
              />
              {t("crm.activities.includeSystem")}
            </label>
          </>
        }
      />
      <LogActivityDialog open={logOpen} onOpenChange={setLogOpen} />
      <ActivityDetailDialog
        activityId={openId}
        onOpenChange={(o) => {
          if (!o) setOpenId(null);
        }}
      />
    </CrmWorkPage>
  );
}
