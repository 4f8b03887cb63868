import { useTranslation } from "react-i18next";
import { currentLocale } from "@/i18n";
import { formatNumber } from "@/lib/format";
import {
  heatColor,
  heatGrid,
  heatLegend,
  hourLabel,
  HOURS,
  weekdayName,
  WEEKDAYS,
  type HeatCell,
} from "../lib/heatmap";
import { FigureTable } from "./figure-table";

/**
 * Incoming messages per weekday (rows, Monday first) and hour (columns): 168 coloured
 * cells on a five-step scale from the busiest cell, with the legend underneath. The
 * grid is one image for screen readers; its numbers are in the table alternative.
 */
export function Heatmap({ cells, label }: { cells: readonly HeatCell[]; label: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const grid = heatGrid(cells);
  const max = Math.max(0, ...grid.flat());
  return (
    <div>
      <div className="overflow-x-auto">
        <div
          role="img"
          aria-label={label}
          data-testid="wa-heatmap"
          data-max={max}
          className="grid min-w-[36rem] gap-0.5"
          style={{ gridTemplateColumns: "2.5rem repeat(24, minmax(0, 1fr))" }}
        >
          <span />
          {HOURS.map((h) => (
            <span key={h} className="text-center text-[10px] text-slate-600 tabular">
              {h % 3 === 0 ? String(h).padStart(2, "0") : ""}
            </span>
          ))}
          {WEEKDAYS.map((wd, row) => [
            <span key={`label-${wd}`} className="self-center text-xs text-slate-700">
              {weekdayName(wd, locale, true)}
            </span>,
            ...HOURS.map((h) => {
              const count = grid[row]?.[h] ?? 0;
              return (
                <span
                  key={`${wd}-${h}`}
                  data-testid="heatmap-cell"
                  data-weekday={wd}
                  data-hour={h}
                  data-count={count}
                  title={`${weekdayName(wd, locale)} ${hourLabel(h)}: ${formatNumber(count, locale)}`}
                  className="aspect-square min-h-4 rounded-[3px]"
                  style={{ background: heatColor(count, max) }}
                />
              );
            }),
          ])}
        </div>
      </div>
      <div
        className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-700"
        data-testid="wa-heatmap-legend"
      >
        <span className="font-medium">{t("waAnalytics.load.legend")}</span>
        {heatLegend(max).map((step) => (
          <span key={step.level} className="inline-flex items-center gap-1">
            <span
              aria-hidden
              className="inline-block size-3 rounded-[3px] border border-slate-200"
              style={{ background: step.color }}
            />
            <span className="tabular">
              {step.from === step.to
                ? formatNumber(step.from, locale)
                : `${formatNumber(step.from, locale)}–${formatNumber(step.to, locale)}`}
            </span>
          </span>
        ))}
      </div>
    </div>
  );
}

/** The heat-map's numbers: a row per weekday, a column per hour. */
export function HeatmapTable({ cells }: { cells: readonly HeatCell[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const grid = heatGrid(cells);
  return (
    <FigureTable
      caption={t("waAnalytics.load.heatmap")}
      columns={[
        { label: t("waAnalytics.load.weekday") },
        ...HOURS.map((h) => ({ label: hourLabel(h), numeric: true })),
      ]}
      rows={WEEKDAYS.map((wd, row) => [
        weekdayName(wd, locale),
        ...HOURS.map((h) => formatNumber(grid[row]?.[h] ?? 0, locale)),
      ])}
    />
  );
}
