import { useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { Plus } from "lucide-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "@/components/data-table/data-table";
import { SelectFilter } from "@/components/data-table/filters";
import { DateRangeFilter } from "@/components/form/date-range";
import { useListPage } from "@/components/list-page/use-list-page";
import { EmptyState } from "@/components/states/states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { currentLocale } from "@/i18n";
import { useEnumLabel } from "@/lib/enums";
import { formatDate, formatDateTime, todayInJakarta } from "@/lib/format";
import { entriesQueryOptions, metricsQueryOptions } from "../api";
import { KpiPage } from "../components/kpi-page";
import { metricName } from "../components/metric-name";
import { ENTRY_SOURCE_LABEL } from "../labels";
import { formatKpiValue } from "../lib/format";
import { useAssigneeLabel } from "../targets/use-assignee-label";
import type { Entry, Metric } from "../types";
import { EntryDialog } from "./entry-dialog";
import { useEnterableMetrics } from "./use-enterable-metrics";
import { EvidenceLink } from "./evidence-link";
import { ENTRIES_TABLE, entriesQuery } from "./table";

const col = createColumnHelper<Entry>();

function useEntryColumns(metrics: ReadonlyMap<string, Metric>) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const sourceLabel = useEnumLabel(ENTRY_SOURCE_LABEL);
  const assignee = useAssigneeLabel();
  return useMemo(
    () => [
      col.accessor("entry_date", {
        header: t("kpi.fields.entryDate"),
        meta: { label: t("kpi.fields.entryDate"), className: "whitespace-nowrap tabular-nums" },
        cell: (c) => formatDate(c.getValue()),
      }),
      col.accessor("metric_key", {
        header: t("kpi.fields.metric"),
        meta: { label: t("kpi.fields.metric"), alwaysVisible: true },
        cell: (c) => {
          const m = metrics.get(c.getValue());
          return <span className="font-medium">{m ? metricName(m, locale) : c.getValue()}</span>;
        },
      }),
      col.accessor("assignee_kind", {
        header: t("kpi.fields.assignee"),
        meta: { label: t("kpi.fields.assignee") },
        cell: (c) => assignee(c.row.original),
      }),
      col.accessor("value", {
        header: t("kpi.fields.value"),
        meta: {
          label: t("kpi.fields.value"),
          align: "right",
          className: "whitespace-nowrap tabular-nums",
        },
        cell: (c) => (
          <span data-testid="entry-value-cell">
            {formatKpiValue(
              c.getValue(),
              metrics.get(c.row.original.metric_key)?.unit ?? "count",
              locale,
            )}
          </span>
        ),
      }),
      col.accessor("source", {
        header: t("kpi.fields.source"),
        meta: { label: t("kpi.fields.source") },
        cell: (c) => <Badge variant="muted">{sourceLabel(c.getValue())}</Badge>,
      }),
      col.accessor("note", {
        header: t("kpi.fields.note"),
        meta: { label: t("kpi.fields.note") },
        cell: (c) => <div className="max-w-72 text-sm text-muted">{c.getValue() || "—"}</div>,
      }),
      col.accessor("evidence_file_id", {
        header: t("kpi.entries.evidence"),
        meta: { label: t("kpi.entries.evidence") },
        cell: (c) => {
          const id = c.getValue();
          return id ? <EvidenceLink fileId={id} day={c.row.original.entry_date} /> : "—";
        },
      }),
      col.accessor("created_at", {
        header: t("kpi.fields.createdAt"),
        meta: { label: t("kpi.fields.createdAt"), className: "whitespace-nowrap tabular-nums" },
        cell: (c) => formatDateTime(c.getValue()),
      }),
    ],
    [t, locale, metrics, sourceLabel, assignee],
  );
}

/**
 * KPI-3: the values of MANUAL and IMPORTED metrics (the education line's revenue and
 * new students, imported enrolments), newest first, and the form to enter one.
 */
export default function EntriesPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const today = todayInJakarta();
  const { data: metricList } = useQuery(metricsQueryOptions);
  const enterable = useEnterableMetrics();
  const [open, setOpen] = useState(false);
  const byKey = useMemo(
    () => new Map<string, Metric>((metricList ?? []).map((m) => [m.metric_key, m])),
    [metricList],
  );
  const list = useListPage({
    table: ENTRIES_TABLE,
    toQuery: entriesQuery,
    queryOptions: entriesQueryOptions,
    columns: useEntryColumns(byKey),
    getRowId: (row) => row.id,
  });
  const { state, setFilter, setFilters } = list;
  const manual = (metricList ?? []).filter((m) => m.source !== "AUTO");

  return (
    <KpiPage
      title={t("kpi.entries.title")}
      description={t("kpi.entries.subtitle")}
      actions={
        enterable.length > 0 ? (
          <Button onClick={() => setOpen(true)} data-testid="new-entry">
            <Plus aria-hidden /> {t("kpi.entries.new")}
          </Button>
        ) : null
      }
    >
      <DataTable
        {...list.dataTable}
        caption={t("kpi.entries.title")}
        filters={
          <>
            <SelectFilter
              value={state.filters.metric_key}
              onChange={(v) => setFilter("metric_key", v)}
              label={t("kpi.fields.metric")}
              allLabel={t("kpi.targets.allMetrics")}
              testId="filter-metric"
            >
              {manual.map((m) => (
                <option key={m.metric_key} value={m.metric_key}>
                  {metricName(m, locale)}
                </option>
              ))}
            </SelectFilter>
            <DateRangeFilter
              from={state.filters.from}
              to={state.filters.to}
              onChange={(range) => setFilters(range)}
            />
          </>
        }
        empty={
          <EmptyState title={t("kpi.entries.empty")} description={t("kpi.entries.emptyBody")} />
        }
      />
      {open ? <EntryDialog today={today} onClose={() => setOpen(false)} /> : null}
    </KpiPage>
  );
}
