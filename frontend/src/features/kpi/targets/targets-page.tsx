import { useQuery } from "@tanstack/react-query";
import { CopyPlus, Plus } from "lucide-react";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { ASSIGNEE_KIND_VALUES } from "@/api/enums.gen";
import { DataTable } from "@/components/data-table/data-table";
import { SelectFilter } from "@/components/data-table/filters";
import { EnumOptions } from "@/components/form/enum-options";
import { useListPage } from "@/components/list-page/use-list-page";
import { EmptyState } from "@/components/states/states";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { currentLocale } from "@/i18n";
import { useErrorMessage } from "@/lib/error-message";
import { todayInJakarta } from "@/lib/format";
import { metricsQueryOptions, targetsQueryOptions } from "../api";
import { FilterBar, KpiPage } from "../components/kpi-page";
import { metricName } from "../components/metric-name";
import { PeriodPicker } from "../components/period-picker";
import { useDeptName } from "../components/use-dept-name";
import { ASSIGNEE_KIND_LABEL } from "../labels";
import { monthOf, wholeMonths } from "../lib/period";
import { useDeleteTarget } from "../mutations";
import type { Metric, Target } from "../types";
import { CopyTargetsDialog } from "./copy-dialog";
import { EditTargetDialog } from "./edit-target-dialog";
import { SplitTargetDialog } from "./split-dialog";
import { TARGETS_TABLE, targetsQuery } from "./table";
import { TargetDialog } from "./target-dialog";
import { useTargetColumns, type TargetAction } from "./targets-columns";
import { useAssigneeLabel } from "./use-assignee-label";

type Open = { kind: "new" } | { kind: "copy" } | { kind: TargetAction; target: Target } | null;

/**
 * KPI-2 target admin: the targets the role may read (filters in the URL), and for the
 * department managers and super admin: set, change, split, delete, copy last month's.
 */
export default function TargetsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const errorMessage = useErrorMessage();
  const today = todayInJakarta();
  const deptName = useDeptName();
  const assignee = useAssigneeLabel();
  const { data: metricList } = useQuery(metricsQueryOptions);
  const byKey = useMemo(
    () => new Map<string, Metric>((metricList ?? []).map((m) => [m.metric_key, m])),
    [metricList],
  );
  const [open, setOpen] = useState<Open>(null);
  const onAction = useCallback(
    (kind: TargetAction, target: Target) => setOpen({ kind, target }),
    [],
  );
  const remove = useDeleteTarget();
  const list = useListPage({
    table: TARGETS_TABLE,
    toQuery: targetsQuery,
    queryOptions: targetsQueryOptions,
    columns: useTargetColumns(byKey, onAction),
    getRowId: (row) => row.id,
  });
  const { state, setFilter } = list;
  const depts = [...new Set((metricList ?? []).map((m) => m.dept))];
  const close = () => setOpen(null);
  const current = open && "target" in open ? open.target : null;
  const currentMetric = current ? byKey.get(current.metric_key) : undefined;

  return (
    <KpiPage
      title={t("kpi.targets.title")}
      description={t("kpi.targets.subtitle")}
      actions={
        <>
          <Button
            variant="outline"
            onClick={() => setOpen({ kind: "copy" })}
            data-testid="copy-targets"
          >
            <CopyPlus aria-hidden /> {t("kpi.targets.copy")}
          </Button>
          <Button onClick={() => setOpen({ kind: "new" })} data-testid="new-target">
            <Plus aria-hidden /> {t("kpi.targets.new")}
          </Button>
        </>
      }
    >
      <FilterBar>
        {state.filters.period ? (
          <>
            <PeriodPicker
              value={state.filters.period}
              onChange={(p) => setFilter("period", p)}
              today={today}
              testId="targets-period"
            />
            <Button variant="ghost" size="sm" onClick={() => setFilter("period", undefined)}>
              {t("kpi.targets.allPeriods")}
            </Button>
          </>
        ) : (
          <>
            <p className="self-center text-sm text-muted">{t("kpi.targets.allPeriodsHint")}</p>
            <Button
              variant="outline"
              size="sm"
              onClick={() => setFilter("period", monthOf(today))}
              data-testid="targets-by-period"
            >
              {t("kpi.targets.byPeriod")}
            </Button>
          </>
        )}
      </FilterBar>
      <DataTable
        {...list.dataTable}
        caption={t("kpi.targets.title")}
        filters={
          <>
            <SelectFilter
              value={state.filters.metric_key}
              onChange={(v) => setFilter("metric_key", v)}
              label={t("kpi.fields.metric")}
              allLabel={t("kpi.targets.allMetrics")}
              testId="filter-metric"
            >
              {(metricList ?? []).map((m) => (
                <option key={m.metric_key} value={m.metric_key}>
                  {metricName(m, locale)}
                </option>
              ))}
            </SelectFilter>
            <SelectFilter
              value={state.filters.assignee_kind}
              onChange={(v) => setFilter("assignee_kind", v)}
              label={t("kpi.fields.assigneeKind")}
              allLabel={t("kpi.targets.allKinds")}
              testId="filter-kind"
            >
              <EnumOptions values={ASSIGNEE_KIND_VALUES} labels={ASSIGNEE_KIND_LABEL} />
            </SelectFilter>
            <SelectFilter
              value={state.filters.dept}
              onChange={(v) => setFilter("dept", v)}
              label={t("kpi.fields.metricDept")}
              allLabel={t("kpi.targets.allDepts")}
              testId="filter-dept"
            >
              {depts.map((d) => (
                <option key={d} value={d}>
                  {deptName(d)}
                </option>
              ))}
            </SelectFilter>
          </>
        }
        empty={
          <EmptyState title={t("kpi.targets.empty")} description={t("kpi.targets.emptyBody")} />
        }
      />
      {open?.kind === "new" ? <TargetDialog today={today} onClose={close} /> : null}
      {open?.kind === "copy" ? <CopyTargetsDialog today={today} onClose={close} /> : null}
      {open?.kind === "edit" && current ? (
        <EditTargetDialog
          target={current}
          metric={currentMetric}
          assignee={assignee(current)}
          onClose={close}
        />
      ) : null}
      {open?.kind === "split" && current ? (
        <SplitTargetDialog
          target={current}
          metric={currentMetric}
          months={wholeMonths(current.period_start, current.period_end) ?? []}
          onClose={close}
        />
      ) : null}
      <ConfirmDialog
        open={open?.kind === "delete"}
        onOpenChange={(o) => !o && close()}
        title={t("kpi.targets.deleteTitle")}
        description={
          current
            ? t("kpi.targets.deleteBody", {
                name: currentMetric ? metricName(currentMetric, locale) : current.metric_key,
                assignee: assignee(current),
              })
            : ""
        }
        confirmLabel={t("kpi.targets.delete")}
        pending={remove.isPending}
        onConfirm={() => {
          if (!current) return;
          remove.mutate(current.id, {
            onSuccess: () => {
              toast.success(t("kpi.targets.deleted"));
              close();
            },
            onError: (e) => toast.error(errorMessage(e)),
          });
        }}
      />
    </KpiPage>
  );
}
