import { useTranslation } from "react-i18next";
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
import { AchievementBar } from "../components/achievement-bar";
import { AppLink } from "../components/app-link";
import { KpiStatusBadge, ProvenanceBadge } from "../components/badges";
import { ClosedBadge, DriftNote } from "../components/closed-badges";
import { metricName } from "../components/metric-name";
import { Sparkline } from "../components/sparkline";
import { formatKpiValue } from "../lib/format";
import type { ScoreRow } from "../types";

/** The scorecard as one table (managers comparing many metrics at once). */
export function ScorecardTable({
  rows,
  caption,
  trendHref,
}: {
  rows: readonly ScoreRow[];
  caption: string;
  trendHref: (metricKey: string) => string;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <div className="overflow-x-auto rounded-lg border border-border bg-surface shadow-xs">
      <Table data-testid="kpi-table">
        <TableCaption className="sr-only">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>{t("kpi.fields.metric")}</TableHead>
            <TableHead className="text-right">{t("kpi.card.target")}</TableHead>
            <TableHead className="text-right">{t("kpi.card.actual")}</TableHead>
            <TableHead className="min-w-44">{t("kpi.card.achievement")}</TableHead>
            <TableHead>{t("kpi.fields.status")}</TableHead>
            <TableHead>{t("kpi.fields.source")}</TableHead>
            <TableHead className="min-w-32">{t("kpi.card.trend")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow
              key={row.metric_key}
              data-testid="kpi-row"
              data-metric={row.metric_key}
              data-closed={row.closed_revision ?? undefined}
            >
              <TableCell className="font-medium">
                <AppLink href={trendHref(row.metric_key)} className="hover:underline">
                  {metricName(row, locale)}
                </AppLink>
              </TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">
                {row.target === null || row.target === undefined
                  ? t("kpi.card.noTarget")
                  : formatKpiValue(row.target, row.unit, locale)}
              </TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">
                {row.actual === null || row.actual === undefined
                  ? t("kpi.status.na")
                  : formatKpiValue(row.actual, row.unit, locale)}
                <DriftNote row={row} className="mt-1 ml-auto w-56 text-left whitespace-normal" />
              </TableCell>
              <TableCell>
                {row.achievement_pct === null || row.achievement_pct === undefined ? (
                  <span className="text-muted">—</span>
                ) : (
                  <AchievementBar achievement={row.achievement_pct} status={row.status} />
                )}
              </TableCell>
              <TableCell>
                <div className="flex flex-wrap gap-1">
                  <KpiStatusBadge status={row.status} />
                  <ClosedBadge revision={row.closed_revision} />
                </div>
              </TableCell>
              <TableCell>
                <ProvenanceBadge provenance={row.provenance} />
              </TableCell>
              <TableCell>
                <Sparkline points={row.trend} unit={row.unit} status={row.status} height={32} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
