import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { DSO_METHOD_VALUES, type DsoMethod } from "@/api/enums.gen";
import { TrendLineChart } from "@/components/charts/charts";
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
import { formatDate, formatIDR, formatNumber } from "@/lib/format";
import { useEnumLabel } from "@/lib/enums";
import { cn } from "@/lib/utils";
import { dsoQueryOptions } from "../api";
import { ChartPanel } from "../components/chart-panel";
import { DSO_METHOD_LABEL } from "../labels";
import { dsoChartData } from "../lib/dso";

/** DSO over six months (daily), simple or countback (the switch is in the URL). */
export function DsoCard({
  asOf,
  method,
  onMethod,
}: {
  asOf: string | undefined;
  method: DsoMethod;
  onMethod: (method: DsoMethod) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const methodLabel = useEnumLabel(DSO_METHOD_LABEL);
  const dso = useQuery(dsoQueryOptions({ ...(asOf ? { as_of: asOf } : {}), method }));
  const days = dso.data?.days ?? 30;
  const series = dso.data?.series ?? [];

  const switcher = (
    <div
      role="group"
      aria-label={t("ar.dso.method")}
      className="flex rounded-md border border-border p-0.5"
    >
      {DSO_METHOD_VALUES.map((m) => (
        <button
          key={m}
          type="button"
          aria-pressed={method === m}
          data-testid={`dso-method-${m}`}
          onClick={() => onMethod(m)}
          className={cn(
            "rounded px-2.5 py-1 text-xs font-medium",
            method === m ? "bg-navy-900 text-white" : "text-slate-700 hover:bg-navy-50",
          )}
        >
          {methodLabel(m)}
        </button>
      ))}
    </div>
  );

  return (
    <ChartPanel
      testId="dso-card"
      title={t("ar.dso.title")}
      description={t(`ar.dso.methodHint.${method}`, { days })}
      controls={switcher}
      isLoading={dso.isPending}
      error={dso.error}
      onRetry={() => void dso.refetch()}
      chart={
        <TrendLineChart
          label={t("ar.dso.chartLabel")}
          data={dsoChartData(series)}
          xKey="date"
          xFormat={(d) => formatDate(String(d))}
          series={[{ key: "dso", label: t("ar.dso.series") }]}
          format="number"
        />
      }
      table={
        <div className="max-h-80 overflow-y-auto">
          <Table>
            <TableCaption>{t("ar.dso.title")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>{t("ar.statement.date")}</TableHead>
                <TableHead className="text-right">{t("ar.totals.arBalance")}</TableHead>
                <TableHead className="text-right">{t("ar.dso.series")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {[...series].reverse().map((p) => (
                <TableRow key={p.date}>
                  <TableCell>{formatDate(p.date)}</TableCell>
                  <TableCell className="text-right">{formatIDR(p.ar_balance, locale)}</TableCell>
                  <TableCell className="text-right">{formatNumber(p.dso, locale)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      }
    />
  );
}
