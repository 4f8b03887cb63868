import { useTranslation } from "react-i18next";
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ExactTooltip } from "@/components/charts/chart-tooltip";
import { tooltipData } from "@/components/charts/chart-tooltip-data";
import { CHART_COLORS, formatAxis } from "@/components/charts/chart-utils";
import { EmptyState } from "@/components/states/states";
import { currentLocale } from "@/i18n";
import { chartFormat, chartNumber } from "../lib/format";
import { periodLabel } from "../lib/period";

interface Point {
  period: string;
  actual?: string | null | undefined;
  target?: string | null | undefined;
}

/** The chart's rows: numbers (null = a gap, never 0). */
function chartRows(points: readonly Point[]) {
  return points.map((p) => ({
    period: p.period,
    actual: chartNumber(p.actual),
    target: chartNumber(p.target),
  }));
}

/**
 * Target vs actual per month: the actual as bars, the target as a line (the education
 * line's "target omzet" and "target siswa" charts, and every other metric's).
 */
export function TargetActualChart({
  points,
  unit,
  label,
  height = 280,
}: {
  points: readonly Point[];
  unit: string;
  /** Accessible description of the chart. */
  label: string;
  height?: number;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const format = chartFormat(unit);
  const data = chartRows(points);
  if (!data.some((d) => d.actual !== null || d.target !== null)) {
    return <EmptyState className="py-8" title={t("charts.empty")} />;
  }
  const month = (v: string | number) => periodLabel(String(v), locale, "short");
  return (
    <figure aria-label={label} className="w-full" style={{ height }} data-testid="kpi-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="period" tick={{ fill: "#475569", fontSize: 12 }} tickFormatter={month} />
          <YAxis
            width={76}
            allowDecimals={unit !== "count"}
            tick={{ fill: "#475569", fontSize: 12 }}
            tickFormatter={(v: unknown) => formatAxis(v, format, locale)}
          />
          <Tooltip
            cursor={{ fill: "#f1f5f9" }}
            content={(p) => (
              <ExactTooltip {...tooltipData(p)} format={format} labelFormat={month} />
            )}
          />
          <Legend />
          <Bar
            dataKey="actual"
            name={t("kpi.card.actual")}
            fill={CHART_COLORS[0]}
            radius={[3, 3, 0, 0]}
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="target"
            name={t("kpi.card.target")}
            stroke={CHART_COLORS[1]}
            strokeWidth={2.5}
            dot={{ r: 3 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
