import { Link } from "@tanstack/react-router";
import { createColumnHelper } from "@tanstack/react-table";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { currentLocale } from "@/i18n";
import { useEnumLabel } from "@/lib/enums";
import { formatDateTime, formatNumber } from "@/lib/format";
import { IMPORT_MODULE_LABEL } from "../labels";
import type { Import } from "../types";
import { ImportStatusBadge } from "./status-badge";

const col = createColumnHelper<Import>();

/** The history table: code, file, module, who, when, status and the row counts. */
export function useHistoryColumns() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const moduleLabel = useEnumLabel(IMPORT_MODULE_LABEL);
  return useMemo(() => {
    const n = (value: number) => formatNumber(value, locale);
    return [
      col.accessor("import_code", {
        header: t("imports.fields.code"),
        meta: {
          label: t("imports.fields.code"),
          alwaysVisible: true,
          className: "whitespace-nowrap",
        },
        cell: (c) => (
          <Link
            to="/imports/$importId"
            params={{ importId: c.row.original.id }}
            className="font-medium text-navy-900 underline-offset-2 hover:underline"
            data-testid="import-row"
            data-import-code={c.getValue()}
          >
            {c.getValue()}
          </Link>
        ),
      }),
      col.accessor("original_name", {
        header: t("imports.fields.file"),
        meta: { label: t("imports.fields.file") },
        cell: (c) => (
          <div className="max-w-64 truncate" title={c.getValue()}>
            {c.getValue()}
          </div>
        ),
      }),
      col.accessor("module", {
        header: t("imports.fields.module"),
        meta: { label: t("imports.fields.module") },
        cell: (c) => moduleLabel(c.getValue()),
      }),
      col.accessor("created_by_name", {
        header: t("imports.fields.by"),
        meta: { label: t("imports.fields.by") },
        cell: (c) => c.getValue() ?? "—",
      }),
      col.accessor("created_at", {
        header: t("imports.fields.at"),
        meta: { label: t("imports.fields.at"), className: "whitespace-nowrap tabular-nums" },
        cell: (c) => formatDateTime(c.getValue()),
      }),
      col.accessor("status", {
        header: t("imports.fields.status"),
        meta: { label: t("imports.fields.status") },
        cell: (c) => <ImportStatusBadge status={c.getValue()} />,
      }),
      col.display({
        id: "counts",
        header: t("imports.fields.counts"),
        meta: {
          label: t("imports.fields.counts"),
          align: "right",
          className: "whitespace-nowrap tabular-nums",
        },
        cell: (c) => {
          const i = c.row.original;
          const summary = t("imports.counts.summary", {
            ok: n(i.success_count),
            error: n(i.error_count),
            duplicate: n(i.duplicate_count),
          });
          return (
            <span title={summary}>
              <span aria-hidden data-testid="import-counts">
                <span className="text-success">{n(i.success_count)}</span>
                {" / "}
                <span className={i.error_count > 0 ? "text-danger" : undefined}>
                  {n(i.error_count)}
                </span>
                {" / "}
                <span className="text-muted">{n(i.duplicate_count)}</span>
              </span>
              <span className="sr-only">{summary}</span>
            </span>
          );
        },
      }),
    ];
  }, [t, locale, moduleLabel]);
}
