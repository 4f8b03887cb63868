import { useQuery } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { ROW_STATUS_VALUES } from "@/api/enums.gen";
import { DataTable } from "@/components/data-table/data-table";
import { useListPage } from "@/components/list-page/use-list-page";
import { EmptyState } from "@/components/states/states";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { EnumOptions } from "@/components/form/enum-options";
import { useEnumLabel } from "@/lib/enums";
import { useErrorMessage } from "@/lib/error-message";
import { downloadRows, importRowsQueryOptions } from "../api";
import { ROW_STATUS_LABEL } from "../labels";
import { fixesRows, processAgain } from "../lib/status";
import { DEFAULT_ROW_STATUS, ROWS_TABLE, rowsQuery } from "../table";
import type { Import, ImportField, ImportRow } from "../types";
import { FixRowDialog } from "./fix-row-dialog";
import { useRowColumns } from "./row-columns";

/** Rows named in the "waiting for the next run" notice; more are counted. */
const PENDING_SHOWN = 20;

/**
 * The rows of a finished run by status — the failed ones first — with their cells and
 * problems, and the same rows as .xlsx to fix and upload again. With the module's
 * `fields` (the user still imports into it) an error row is fixed here, in place; the
 * rows waiting for the next run are named above the table.
 */
export function ErrorRows({ imp, fields }: { imp: Import; fields?: ImportField[] | undefined }) {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const statusLabel = useEnumLabel(ROW_STATUS_LABEL);
  // The rows are read again when a run ends (its status, time and counts change).
  const run = `${imp.status}|${imp.processed_at ?? ""}|${imp.error_count}|${imp.duplicate_count}`;
  const fixable = fields !== undefined && fixesRows(imp.status);
  const [fixing, setFixing] = useState<ImportRow | null>(null);
  const list = useListPage({
    table: ROWS_TABLE,
    toQuery: rowsQuery,
    queryOptions: importRowsQueryOptions(imp.id, run),
    columns: useRowColumns(imp.headers, imp.mapping, fixable ? setFixing : undefined),
    getRowId: (row) => String(row.row_number),
  });
  const status = list.query.status ?? DEFAULT_ROW_STATUS;
  const pending = useQuery({
    ...importRowsQueryOptions(imp.id, run)({ status: "pending", page: 1, per_page: PENDING_SHOWN }),
    enabled: fixable,
  });
  const [downloading, setDownloading] = useState(false);

  const download = () => {
    setDownloading(true);
    downloadRows(imp.id, imp.import_code, status)
      .catch((e: unknown) => toast.error(errorMessage(e)))
      .finally(() => setDownloading(false));
  };

  return (
    <Card data-testid="import-rows">
      <CardHeader>
        <CardTitle>{t("imports.rows.title")}</CardTitle>
        <CardDescription>{t("imports.rows.description")}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {fixable && pending.data && pending.data.total > 0 ? (
          <Alert variant="info" data-testid="rows-pending">
            <p className="flex flex-wrap items-center gap-2">
              <Badge variant="warning">{statusLabel("pending")}</Badge>
              <span data-testid="rows-pending-text">
                {t("imports.fix.pendingRows", {
                  rows: pending.data.data.map((r) => r.row_number).join(", "),
                  more:
                    pending.data.total > pending.data.data.length
                      ? t("imports.fix.more", { n: pending.data.total - pending.data.data.length })
                      : "",
                  action: processAgain(imp) ? t("imports.process.again") : t("imports.process.run"),
                })}
              </span>
              {status !== "pending" ? (
                <Button
                  variant="link"
                  size="sm"
                  className="h-auto px-0"
                  onClick={() => list.setFilter("status", "pending")}
                  data-testid="show-pending"
                >
                  {t("imports.fix.showPending")}
                </Button>
              ) : null}
            </p>
          </Alert>
        ) : null}
        <DataTable
          {...list.dataTable}
          caption={t("imports.rows.title")}
          filters={
            <div className="flex w-full flex-col gap-1 sm:w-48">
              <label htmlFor={`${id}-status`} className="text-xs font-medium text-slate-700">
                {t("imports.rows.show")}
              </label>
              <Select
                id={`${id}-status`}
                value={status}
                data-testid="rows-status"
                onChange={(e) =>
                  list.setFilter(
                    "status",
                    e.target.value === DEFAULT_ROW_STATUS ? undefined : e.target.value,
                  )
                }
              >
                <EnumOptions values={ROW_STATUS_VALUES} labels={ROW_STATUS_LABEL} />
              </Select>
            </div>
          }
          actions={
            <Button
              variant="outline"
              size="sm"
              onClick={download}
              disabled={downloading}
              data-testid="download-rows"
            >
              {downloading ? <Spinner /> : <Download aria-hidden />}
              {status === DEFAULT_ROW_STATUS
                ? t("imports.rows.download")
                : t("imports.rows.downloadStatus", { status: statusLabel(status) })}
            </Button>
          }
          empty={
            <EmptyState title={t("imports.rows.empty")} description={t("imports.rows.emptyBody")} />
          }
        />
      </CardContent>
      {fields && fixable ? (
        <FixRowDialog imp={imp} fields={fields} row={fixing} onClose={() => setFixing(null)} />
      ) : null}
    </Card>
  );
}
