/**
 * Recharts wrappers: consistent colours, an empty state instead of a blank canvas,
 * tooltips with exact (unabbreviated) values, and an optional table view
 * (ChartCard) so every chart has a non-visual alternative.
 */
import { useState, type ReactElement, type ReactNode } from "react";
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
import { EmptyState, ErrorState } from "@/components/states/states";
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
import {
  colorAt,
  formatAxis,
  formatValue,
  isEmptySeries,
  type Datum,
  type SeriesDef,
  type ValueFormat,
} from "./chart-utils";

interface TooltipPayloadItem {
  name?: string | number;
  value?: unknown;
  color?: string;
  dataKey?: string | number;
  payload?: Datum;
}

interface ExactTooltipProps {
  active?: boolean;
  payload?: readonly TooltipPayloadItem[];
  label?: string | number;
  format: ValueFormat;
  labelFormat?: (label: string | number) => string;
}

type TooltipData = Pick<ExactTooltipProps, "active" | "payload" | "label">;

/** Narrows Recharts' tooltip content props to what ExactTooltip reads. */
function tooltipData(p: { active?: boolean; payload?: unknown; label?: unknown }): TooltipData {
  const label = typeof p.label === "string" || typeof p.label === "number" ? p.label : undefined;
  return {
    ...(p.active !== undefined ? { active: p.active } : {}),
    ...(Array.isArray(p.payload) ? { payload: p.payload as readonly TooltipPayloadItem[] } : {}),
    ...(label !== undefined ? { label } : {}),
  };
}

function ExactTooltip({ active, payload, label, format, labelFormat }: ExactTooltipProps) {
  const locale = currentLocale();
  if (!active || !payload || payload.length === 0) return null;
  return (
    <div className="rounded-md border border-border bg-surface px-3 py-2 text-xs shadow-lg tabular">
      {label !== undefined ? (
        <p className="mb-1 font-semibold text-foreground">
          {labelFormat ? labelFormat(label) : label}
        </p>
      ) : null}
      <ul className="flex flex-col gap-0.5">
        {payload.map((item, i) => (
          <li key={`${String(item.dataKey ?? item.name)}-${i}`} className="flex items-center gap-2">
            <span aria-hidden className="size-2.5 rounded-sm" style={{ background: item.color }} />
            <span className="text-muted">{item.name}</span>
            <span className="ml-auto pl-3 font-medium text-foreground">
              {formatValue(item.value, format, locale)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

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

interface ChartCardProps {
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
