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
import { formatAchievement, formatKpiValue } from "../lib/format";
import { periodLabel } from "../lib/period";
import type { TrendPoint } from "../types";
import { KpiStatusBadge } from "./badges";
import { TargetActualChart } from "./target-actual-chart";

/**
 * A metric's months of target vs actual in a card: the chart, or the same numbers as a
 * table (exact values, status per month); loading and error states of its query.
 */
export function TrendPanel({
  title,
  description,
  unit,
  points,
  isLoading,
  error,
  onRetry,
  testId,
  controls,
}: {
  title: string;
  description?: ReactNode;
  unit: string;
  points: readonly TrendPoint[] | undefined;
  isLoading: boolean;
  error: unknown;
  onRetry: () => void;
  testId?: string;
  controls?: ReactNode;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [asTable, setAsTable] = useState(false);
  let content: ReactNode;
  if (isLoading) content = <Skeleton className="h-64 w-full" />;
  else if (error) content = <ErrorState error={error} onRetry={onRetry} className="border-0" />;
  else if (asTable)
    content = (
      <Table data-testid={testId ? `${testId}-table` : undefined}>
        <TableCaption>{title}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>{t("kpi.period.label")}</TableHead>
            <TableHead className="text-right">{t("kpi.card.target")}</TableHead>
            <TableHead className="text-right">{t("kpi.card.actual")}</TableHead>
            <TableHead className="text-right">{t("kpi.card.achievement")}</TableHead>
            <TableHead>{t("kpi.fields.status")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {(points ?? []).map((p) => (
            <TableRow key={p.period}>
              <TableCell>{periodLabel(p.period, locale)}</TableCell>
              <TableCell className="text-right tabular-nums">
                {formatKpiValue(p.target, unit, locale)}
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {p.actual === null || p.actual === undefined
                  ? t("kpi.status.na")
                  : formatKpiValue(p.actual, unit, locale)}
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {formatAchievement(p.achievement_pct, locale)}
              </TableCell>
              <TableCell>
                <KpiStatusBadge status={p.status} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    );
  else content = <TargetActualChart points={points ?? []} unit={unit} label={title} />;

  return (
    <Card data-testid={testId}>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <CardTitle>{title}</CardTitle>
          {description ? <CardDescription>{description}</CardDescription> : null}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {controls}
          {!isLoading && !error ? (
            <Button
              variant="ghost"
              size="sm"
              onClick={() => setAsTable((v) => !v)}
              aria-pressed={asTable}
              data-testid={testId ? `${testId}-toggle` : undefined}
            >
              {asTable ? t("charts.showChart") : t("charts.showTable")}
            </Button>
          ) : null}
        </div>
      </CardHeader>
      <CardContent>{content}</CardContent>
    </Card>
  );
}
