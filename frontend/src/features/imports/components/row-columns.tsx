import { createColumnHelper } from "@tanstack/react-table";
import { Pencil } from "lucide-react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { currentLocale } from "@/i18n";
import { cn } from "@/lib/utils";
import { cellText, problemText } from "../lib/text";
import type { ImportRow } from "../types";

const col = createColumnHelper<ImportRow>();

/**
 * The rows table: the row number the spreadsheet shows, its problems, and its cells as
 * written — one "header: value" per column, wrapping, so a wide file never needs a
 * sideways scroll; the cells of the fields with a problem stand out. With `onFix`, an
 * error (or already fixed, pending) row offers "Perbaiki".
 */
export function useRowColumns(
  headers: string[],
  mapping: (string | null)[],
  onFix?: (row: ImportRow) => void,
) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return useMemo(() => {
    const columns = [
      col.accessor("row_number", {
        header: t("imports.rows.row"),
        meta: {
          label: t("imports.rows.row"),
          alwaysVisible: true,
          className: "align-top tabular-nums",
        },
        cell: (c) => <span data-testid="row-number">{c.getValue()}</span>,
      }),
      col.display({
        id: "problems",
        header: t("imports.rows.problems"),
        meta: { label: t("imports.rows.problems"), alwaysVisible: true, className: "align-top" },
        cell: (c) => {
          const row = c.row.original;
          if (row.status === "pending")
            return (
              <span className="flex flex-col items-start gap-1" data-testid="row-problems">
                <Badge variant="warning" data-testid="row-pending">
                  {t("imports.rowStatus.pending")}
                </Badge>
                <span className="text-xs text-muted">{t("imports.fix.pendingRow")}</span>
              </span>
            );
          if (
            row.errors.length === 0 &&
            row.duplicate_of !== null &&
            row.duplicate_of !== undefined
          )
            return (
              <span className="text-muted" data-testid="row-problems">
                {t("imports.rows.duplicateOf", { row: row.duplicate_of })}
              </span>
            );
          return (
            <ul className="min-w-48 text-danger" data-testid="row-problems">
              {row.errors.map((e, k) => (
                <li key={k} data-field={e.field}>
                  {problemText(e, locale)}
                </li>
              ))}
            </ul>
          );
        },
      }),
      col.display({
        id: "cells",
        header: t("imports.rows.cells"),
        meta: { label: t("imports.rows.cells"), className: "align-top" },
        cell: (c) => {
          const row = c.row.original;
          const wrong = new Set(row.errors.map((e) => e.field));
          return (
            <dl className="flex flex-wrap gap-x-4 gap-y-1 text-xs" data-testid="row-cells">
              {headers.map((header, i) => {
                const field = mapping[i];
                const flagged = field !== null && field !== undefined && wrong.has(field);
                return (
                  <div
                    key={i}
                    className={cn(
                      "flex gap-1",
                      flagged && "rounded bg-danger-soft px-1 font-medium text-danger",
                    )}
                    data-column={i}
                    data-flagged={flagged || undefined}
                  >
                    <dt className="text-muted">
                      {header.trim() || t("imports.mapping.untitled", { n: i + 1 })}:
                    </dt>
                    <dd className="break-all">{cellText(row.cells[i]) || "—"}</dd>
                  </div>
                );
              })}
            </dl>
          );
        },
      }),
    ];
    if (!onFix) return columns;
    return [
      ...columns,
      col.display({
        id: "actions",
        header: () => <span className="sr-only">{t("common.actions")}</span>,
        meta: { label: t("common.actions"), alwaysVisible: true, className: "align-top" },
        cell: (c) => {
          const row = c.row.original;
          if (row.status !== "error" && row.status !== "pending") return null;
          return (
            <Button
              variant="outline"
              size="sm"
              onClick={() => onFix(row)}
              aria-label={t("imports.fix.actionRow", { row: row.row_number })}
              data-testid="fix-row"
            >
              <Pencil aria-hidden /> {t("imports.fix.action")}
            </Button>
          );
        },
      }),
    ];
  }, [headers, mapping, onFix, t, locale]);
}
