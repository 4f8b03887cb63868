import { Line, LineChart, ResponsiveContainer, YAxis } from "recharts";
import { useTranslation } from "react-i18next";
import { currentLocale } from "@/i18n";
import { chartNumber, formatKpiValue } from "../lib/format";
import { periodLabel } from "../lib/period";
import { statusColor } from "../lib/status";
import type { TrendPoint } from "../types";

/**
 * A row's trend at a glance: the actual per month (solid) and the target (dashed). The
 * figure's label reads the months out for screen readers; NA months are gaps.
 */
export function Sparkline({
  points,
  unit,
  status,
  height = 40,
}: {
  points: readonly TrendPoint[];
  unit: string;
  status: string;
  height?: number;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const data = points.map((p) => ({
    period: p.period,
    actual: chartNumber(p.actual),
    target: chartNumber(p.target),
  }));
  if (!data.some((d) => d.actual !== null || d.target !== null)) {
    return <p className="text-xs text-muted">{t("kpi.card.noTrend")}</p>;
  }
  const described = points
    .map(
      (p) =>
        `${periodLabel(p.period, locale, "short")}: ${
          p.actual === null || p.actual === undefined
            ? t("kpi.status.na")
            : formatKpiValue(p.actual, unit, locale)
        }`,
    )
    .join(", ");
  return (
    <figure
      aria-label={t("kpi.card.trendLabel", { months: points.length, values: described })}
      className="w-full"
      style={{ height }}
      data-testid="kpi-sparkline"
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 4, right: 2, bottom: 2, left: 2 }}>
          <YAxis hide domain={["auto", "auto"]} />
          <Line
            type="monotone"
            dataKey="target"
            stroke="#94a3b8"
            strokeDasharray="4 3"
            strokeWidth={1.5}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="actual"
            stroke={statusColor(status)}
            strokeWidth={2}
            dot={{ r: 1.5 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
