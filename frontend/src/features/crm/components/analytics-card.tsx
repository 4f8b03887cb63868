import { Download } from "lucide-react";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "@/api/errors";
import { EmptyState, ErrorState, ForbiddenState } from "@/components/states/states";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { cn } from "@/lib/utils";
import { csvFileName, downloadRowsCsv } from "../lib/csv";

/** One column of a chart's table alternative, and of its CSV (exact values). */
export interface DataColumn<T> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  csv: (row: T) => string | number | null | undefined;
  align?: "right";
}

/**
 * A chart card: loading / error / 403 / empty states, a chart ↔ table toggle with the
 * same numbers as exact values, and a CSV download of those rows.
 */
export function AnalyticsCard<T>({
  title,
  description,
  testId,
  isLoading,
  error,
  onRetry,
  rows,
  columns,
  csvName,
  isEmpty,
  footer,
  className,
  children,
}: {
  title: string;
  description?: ReactNode;
  testId?: string;
  isLoading: boolean;
  error: unknown;
  onRetry: () => void;
  rows: readonly T[];
  columns: DataColumn<T>[];
  csvName: string;
  /** Nothing to draw (defaults to: no rows). */
  isEmpty?: boolean;
  footer?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const empty = isEmpty ?? rows.length === 0;
  let content: ReactNode;
  if (isLoading) content = <Skeleton className="h-64 w-full" />;
  else if (error)
    content =
      isApiError(error) && error.status === 403 ? (
        <ForbiddenState />
      ) : (
        <ErrorState error={error} onRetry={onRetry} className="border-0" />
      );
  else if (empty) content = <EmptyState className="border-0 py-8" title={t("charts.empty")} />;
  else if (asTable)
    content = (
      <Table>
        <TableCaption>{title}</TableCaption>
        <TableHeader>
          <TableRow>
            {columns.map((c) => (
              <TableHead key={c.key} className={cn(c.align === "right" && "text-right")}>
                {c.header}
              </TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row, i) => (
            <TableRow key={i}>
              {columns.map((c) => (
                <TableCell key={c.key} className={cn(c.align === "right" && "text-right")}>
                  {c.cell(row)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    );
  else content = children;

  const ready = !isLoading && !error && !empty;
  return (
    <Card className={className} data-testid={testId}>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <CardTitle>{title}</CardTitle>
          {description ? <CardDescription>{description}</CardDescription> : null}
        </div>
        {ready ? (
          <div className="flex items-center gap-1">
            <Button
              variant="ghost"
              size="sm"
              onClick={() => setAsTable((v) => !v)}
              aria-pressed={asTable}
              data-testid="toggle-table"
            >
              {asTable ? t("charts.showChart") : t("charts.showTable")}
            </Button>
            <Button
              variant="outline"
              size="sm"
              aria-label={`${t("common.exportCsv")}: ${title}`}
              onClick={() =>
                downloadRowsCsv(
                  csvFileName(csvName),
                  columns.map((c) => ({ header: c.key, value: c.csv })),
                  rows,
                )
              }
            >
              <Download aria-hidden />
              CSV
            </Button>
          </div>
        ) : null}
      </CardHeader>
      <CardContent>
        {content}
        {ready && footer ? <div className="mt-3">{footer}</div> : null}
      </CardContent>
    </Card>
  );
}
