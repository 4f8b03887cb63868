import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/lib/utils";

/**
 * A card inside a dashboard section (its title an h3 under the section's h2). With a
 * `table`, a "Tabel" toggle swaps the chart for the same numbers as a table.
 */
export function Panel({
  title,
  description,
  table,
  children,
  testId,
  className,
}: {
  title: string;
  description?: ReactNode;
  table?: ReactNode;
  children: ReactNode;
  testId?: string;
  className?: string;
}) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  return (
    <Card data-testid={testId} className={cn("flex min-w-0 flex-col", className)}>
      <div className="flex flex-wrap items-start justify-between gap-2 px-5 pt-4 pb-2">
        <div className="min-w-0">
          <h3 className="text-sm font-semibold text-foreground">{title}</h3>
          {description ? <p className="text-xs text-muted">{description}</p> : null}
        </div>
        {table ? (
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
      <div className="flex-1 px-5 pb-4">{asTable && table ? table : children}</div>
    </Card>
  );
}
