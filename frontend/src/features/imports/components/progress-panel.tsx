import { useTranslation } from "react-i18next";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { currentLocale } from "@/i18n";
import { formatNumber, formatPercent } from "@/lib/format";
import { progressPercent } from "../lib/status";
import type { Import } from "../types";

/** A running import: the bar (rows processed of the total) and the numbers. */
export function ProgressPanel({ imp }: { imp: Import }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const percent = progressPercent(imp.processed_rows, imp.total_rows);
  const text = t("imports.process.progress", {
    processed: formatNumber(imp.processed_rows, locale),
    total: formatNumber(imp.total_rows, locale),
    percent: formatPercent(percent, locale, 0),
  });
  return (
    <Card data-testid="import-running">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <Spinner />
          {t("imports.process.title")}
        </CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-2">
        <div
          role="progressbar"
          aria-label={t("imports.process.label")}
          aria-valuemin={0}
          aria-valuemax={imp.total_rows}
          aria-valuenow={imp.processed_rows}
          aria-valuetext={text}
          data-testid="import-progress"
          className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
        >
          <div
            className="h-full rounded-full bg-accent-400 transition-[width] duration-500 motion-reduce:transition-none"
            style={{ width: `${percent}%` }}
          />
        </div>
        <p className="text-sm text-muted tabular-nums" data-testid="import-progress-text">
          {imp.status === "queued" ? t("imports.process.queued") : text}
        </p>
      </CardContent>
    </Card>
  );
}
