/**
 * Recharts wrappers: consistent colours, an empty state instead of a blank canvas,
 * tooltips with exact (unabbreviated) values, and an optional table view
 * (ChartCard) so every chart has a non-visual alternative.
 */
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { EmptyState } from "@/components/states/states";
import { currentLocale } from "@/i18n";
import {
  colorAt,
  formatAxis,
  isEmptySeries,
  type Datum,
  type SeriesDef,
  type ValueFormat,
} from "./chart-utils";
import { ExactTooltip } from "./chart-tooltip";
import { tooltipData } from "./chart-tooltip-data";

interface CartesianProps {
  data: Datum[] | undefined;
  xKey: string;
  series: SeriesDef[];
  format?: ValueFormat;
  xFormat?: (value: string | number) => string;
  height?: number;
  /** Accessible description of the chart. */
  label: string;
}

function ChartFrame({
  label,
  height,
  children,
}: {
  label: string;
  height: number;
  children: ReactElement;
}) {
  return (
    <figure aria-label={label} className="w-full" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </figure>
  );
}

function NoData() {
  const { t } = useTranslation();
  return <EmptyState className="py-8" title={t("charts.empty")} />;
}

function axes(xKey: string, format: ValueFormat, xFormat?: (v: string | number) => string) {
  const locale = currentLocale();
  return [
    <CartesianGrid key="grid" strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />,
    <XAxis
      key="x"
      dataKey={xKey}
      tick={{ fill: "#475569", fontSize: 12 }}
      tickFormatter={xFormat}
    />,
    <YAxis
      key="y"
      width={72}
      tick={{ fill: "#475569", fontSize: 12 }}
      tickFormatter={(v: unknown) => formatAxis(v, format, locale)}
    />,
  ];
}

export function TrendLineChart({
  data,
  xKey,
  series,
  format = "number",
  xFormat,
  height = 260,
  label,
}: CartesianProps) {
  if (
    isEmptySeries(
      data,
      series.map((s) => s.key),
    )
  )
    return <NoData />;
  return (
    <ChartFrame label={label} height={height}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        {axes(xKey, format, xFormat)}
        <Tooltip
          content={(p) => (
            <ExactTooltip {...tooltipData(p)} format={format} labelFormat={xFormat} />
          )}
        />
        {series.length > 1 ? <Legend /> : null}
        {series.map((s, i) => (
          <Line
            key={s.key}
            type="monotone"
            dataKey={s.key}
            name={s.label}
            stroke={colorAt(i, s.color)}
            strokeWidth={2}
            dot={false}
            connectNulls={false}
          />
        ))}
      </LineChart>
    </ChartFrame>
  );
}

export function AreaTrendChart({
  data,
  xKey,
  series,
  format = "number",
  xFormat,
  height = 260,
  label,
}: CartesianProps) {
  if (
    isEmptySeries(
      data,
      series.map((s) => s.key),
    )
  )
    return <NoData />;
  return (
    <ChartFrame label={label} height={height}>
      <AreaChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        {axes(xKey, format, xFormat)}
        <Tooltip
          content={(p) => (
            <ExactTooltip {...tooltipData(p)} format={format} labelFormat={xFormat} />
          )}
        />
        {series.length > 1 ? <Legend /> : null}
        {series.map((s, i) => (
          <Area
            key={s.key}
            type="monotone"
            dataKey={s.key}
            name={s.label}
            stroke={colorAt(i, s.color)}
            fill={colorAt(i, s.color)}
            fillOpacity={0.15}
            strokeWidth={2}
          />
        ))}
      </AreaChart>
    </ChartFrame>
  );
}

export function BarChartView({
  data,
  xKey,
  series,
  format = "number",
  xFormat,
  height = 260,
  label,
  stacked = false,
}: CartesianProps & { stacked?: boolean }) {
  if (
    isEmptySeries(
      data,
      series.map((s) => s.key),
    )
  )
    return <NoData />;
  return (
    <ChartFrame label={label} height={height}>
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        {axes(xKey, format, xFormat)}
        <Tooltip
          cursor={{ fill: "#f1f5f9" }}
          content={(p) => (
            <ExactTooltip {...tooltipData(p)} format={format} labelFormat={xFormat} />
          )}
        />
        {series.length > 1 ? <Legend /> : null}
        {series.map((s, i) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            fill={colorAt(i, s.color)}
            radius={[3, 3, 0, 0]}
            {...(stacked ? { stackId: "stack" } : {})}
          />
        ))}
      </BarChart>
    </ChartFrame>
  );
}

export function DonutChart({
  data,
  format = "number",
  height = 260,
  label,
}: {
  data: { name: string; value: number | string | null; color?: string }[] | undefined;
  format?: ValueFormat;
  height?: number;
  label: string;
}) {
  if (isEmptySeries(data, ["value"])) return <NoData />;
  // Colours travel on the data (`fill`), Recharts' replacement for <Cell>.
  const rows = (data ?? []).map((d, i) => ({
    name: d.name,
    value: Number(d.value ?? 0),
    fill: colorAt(i, d.color),
  }));
  return (
    <ChartFrame label={label} height={height}>
      <PieChart>
        <Tooltip
          content={(p) => <ExactTooltip {...tooltipData(p)} label={undefined} format={format} />}
        />
        <Legend />
        <Pie
          data={rows}
          dataKey="value"
          nameKey="name"
          innerRadius="55%"
          outerRadius="85%"
          paddingAngle={1}
        />
      </PieChart>
    </ChartFrame>
  );
}
