import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorState } from "@/components/states/states";
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
import { currentLocale } from "@/i18n";
import { formatValue, type Datum, type SeriesDef, type ValueFormat } from "./chart-utils";

export interface ChartCardProps {
  title: ReactNode;
  description?: ReactNode;
  isLoading?: boolean;
  error?: unknown;
  onRetry?: () => void;
  /** Table alternative: same numbers, exact values. */
  table?: {
    xLabel: string;
    xKey: string;
    series: SeriesDef[];
    data: Datum[];
    format?: ValueFormat;
  };
  children: ReactNode;
}

/** Card around a chart with loading / error states and a chart ↔ table toggle. */
export function ChartCard({
  title,
  description,
  isLoading,
  error,
  onRetry,
  table,
  children,
}: ChartCardProps) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const locale = currentLocale();
  let content: ReactNode;
  if (isLoading) content = <Skeleton className="h-64 w-full" />;
  else if (error) content = <ErrorState error={error} onRetry={onRetry} className="border-0" />;
  else if (asTable && table)
    content = (
      <Table>
        <TableCaption>{typeof title === "string" ? title : ""}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>{table.xLabel}</TableHead>
            {table.series.map((s) => (
              <TableHead key={s.key} className="text-right">
                {s.label}
              </TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {table.data.map((d, i) => (
            <TableRow key={i}>
              <TableCell>{String(d[table.xKey] ?? "")}</TableCell>
              {table.series.map((s) => (
                <TableCell key={s.key} className="text-right">
                  {formatValue(d[s.key], table.format ?? "number", locale)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    );
  else content = children;
  return (
    <Card>
      <CardHeader className="flex-row items-start justify-between gap-2">
        <div>
          <CardTitle>{title}</CardTitle>
          {description ? <CardDescription>{description}</CardDescription> : null}
        </div>
        {table && !isLoading && !error ? (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => setAsTable((v) => !v)}
            aria-pressed={asTable}
          >
            {asTable ? t("charts.showChart") : t("charts.showTable")}
          </Button>
        ) : null}
      </CardHeader>
      <CardContent>{content}</CardContent>
    </Card>
  );
}
