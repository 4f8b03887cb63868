import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorState } from "@/components/states/states";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

/**
 * A card around a chart with its table alternative (same numbers, exact values), its
 * own controls (method switch, export) and loading / error states.
 */
export function ChartPanel({
  title,
  description,
  controls,
  isLoading,
  error,
  onRetry,
  chart,
  table,
  testId,
}: {
  title: string;
  description?: ReactNode;
  controls?: ReactNode;
  isLoading: boolean;
  error: unknown;
  onRetry: () => void;
  chart: ReactNode;
  table: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  let content: ReactNode;
  if (isLoading) content = <Skeleton className="h-64 w-full" />;
  else if (error) content = <ErrorState error={error} onRetry={onRetry} className="border-0" />;
  else content = asTable ? table : chart;
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
