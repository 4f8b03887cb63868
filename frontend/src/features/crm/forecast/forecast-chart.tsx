import { useTranslation } from "react-i18next";
import { ChartCard } from "@/components/charts/chart-card";
import { BarChartView } from "@/components/charts/charts";
import { currentLocale } from "@/i18n";
import { monthLabel } from "../lib/months";
import type { ForecastMonth } from "../types";

/** Expected vs weighted value per expected-close month (Recharts lives in this chunk). */
export default function ForecastChart({ months }: { months: ForecastMonth[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const series = [
    { key: "weighted_value", label: t("crm.forecast.weighted") },
    { key: "expected_value", label: t("crm.forecast.expected") },
  ];
  const chartData = months.map((m) => ({
    month: monthLabel(m.month, locale),
    expected_value: Number(m.expected_value),
    weighted_value: Number(m.weighted_value),
  }));
  return (
    <ChartCard
      title={t("crm.forecast.chartTitle")}
      description={t("crm.forecast.chartBody")}
      table={{
        xLabel: t("crm.forecast.month"),
        xKey: "month",
        series,
        format: "idr",
        data: months.map((m) => ({
          month: monthLabel(m.month, locale),
          expected_value: m.expected_value,
          weighted_value: m.weighted_value,
        })),
      }}
    >
      <BarChartView
        data={chartData.some((d) => d.expected_value > 0 || d.weighted_value > 0) ? chartData : []}
        xKey="month"
        series={series}
        format="idr"
        height={300}
        label={t("crm.forecast.chartTitle")}
      />
    </ChartCard>
  );
}
