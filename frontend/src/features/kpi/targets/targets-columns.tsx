import { createColumnHelper } from "@tanstack/react-table";
import { Pencil, Split, Trash2 } from "lucide-react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { useMe } from "@/features/auth/api";
import { currentLocale } from "@/i18n";
import { formatDate } from "@/lib/format";
import { maySetTarget } from "../access";
import { metricName } from "../components/metric-name";
import { formatKpiValue } from "../lib/format";
import { periodLabel, periodOfRange, wholeMonths } from "../lib/period";
import type { Metric, Target } from "../types";
import { useAssigneeLabel } from "./use-assignee-label";

const col = createColumnHelper<Target>();

export type TargetAction = "edit" | "split" | "delete";

/** The target admin's columns; the row actions only where the role may set the target. */
export function useTargetColumns(
  metrics: ReadonlyMap<string, Metric>,
  onAction: (action: TargetAction, target: Target) => void,
) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const me = useMe();
  const assignee = useAssigneeLabel();
  return useMemo(
    () => [
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
        cell: (c) => <span data-testid="target-assignee">{assignee(c.row.original)}</span>,
      }),
      col.accessor("period_start", {
        header: t("kpi.period.label"),
        meta: { label: t("kpi.period.label"), className: "whitespace-nowrap tabular-nums" },
        cell: (c) => {
          const { period_start: s, period_end: e } = c.row.original;
          const p = periodOfRange(s, e);
          return (
            <div className="flex flex-col" data-testid="target-period">
              {p ? <span className="font-medium">{periodLabel(p, locale)}</span> : null}
              <span className={p ? "text-xs text-muted" : undefined}>
                {formatDate(s)}–{formatDate(e)}
              </span>
            </div>
          );
        },
      }),
      col.accessor("target_value", {
        header: t("kpi.fields.targetValue"),
        meta: {
          label: t("kpi.fields.targetValue"),
          align: "right",
          className: "whitespace-nowrap tabular-nums",
        },
        cell: (c) => (
          <span data-testid="target-value-cell">
            {formatKpiValue(
              c.getValue(),
              metrics.get(c.row.original.metric_key)?.unit ?? "count",
              locale,
            )}
          </span>
        ),
      }),
      col.accessor("note", {
        header: t("kpi.fields.note"),
        meta: { label: t("kpi.fields.note") },
        cell: (c) => <div className="max-w-64 text-sm text-muted">{c.getValue() || "—"}</div>,
      }),
      col.display({
        id: "actions",
        header: () => <span className="sr-only">{t("common.actions")}</span>,
        meta: { label: t("common.actions"), alwaysVisible: true, align: "right" },
        cell: ({ row }) => {
          const target = row.original;
          const m = metrics.get(target.metric_key);
          if (!m || !maySetTarget(me.role, m.dept, target.assignee_kind)) return null;
          const months = wholeMonths(target.period_start, target.period_end);
          const name = metricName(m, locale);
          return (
            <div className="flex justify-end gap-1">
              <Button
                variant="ghost"
                size="icon-sm"
                aria-label={t("kpi.targets.editFor", { name })}
                title={t("common.edit")}
                onClick={() => onAction("edit", target)}
                data-testid="edit-target"
              >
                <Pencil aria-hidden />
              </Button>
              {months && months.length > 1 ? (
                <Button
                  variant="ghost"
                  size="icon-sm"
                  aria-label={t("kpi.targets.splitFor", { name })}
                  title={t("kpi.targets.split")}
                  onClick={() => onAction("split", target)}
                  data-testid="split-target"
                >
                  <Split aria-hidden />
                </Button>
              ) : null}
              <Button
                variant="ghost"
                size="icon-sm"
                aria-label={t("kpi.targets.deleteFor", { name })}
                title={t("kpi.targets.delete")}
                onClick={() => onAction("delete", target)}
                data-testid="delete-target"
              >
                <Trash2 aria-hidden className="text-danger" />
              </Button>
            </div>
          );
        },
      }),
    ],
    [t, locale, me.role, metrics, onAction, assignee],
  );
}
