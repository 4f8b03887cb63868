import { useQuery } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { BarChartView } from "@/components/charts/charts";
import { EmptyState } from "@/components/states/states";
import { Button } from "@/components/ui/button";
import { useErrorMessage } from "@/lib/error-message";
import { agingQueryOptions } from "../api";
import { AgingTable } from "../components/aging-table";
import { ChartPanel } from "../components/chart-panel";
import { exportAging } from "../exports";
import {
  AGING_BUCKETS,
  agingChart,
  agingIsEmpty,
  OTHERS_KEY,
  type AgingBucket,
} from "../lib/aging";

/** How many customers get their own segment in the stacked bars. */
const TOP_CUSTOMERS = 5;
/** "Others" in a neutral slate, apart from the named customers. */
const OTHERS_COLOR = "#64748b";

/**
 * Aging per bucket as stacked bars (largest customers, then "others"), with the exact
 * IDR values in the tooltip and the per-customer aging table as the alternative.
 */
export function AgingCard({ asOf }: { asOf: string | undefined }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const aging = useQuery(agingQueryOptions(asOf));
  const [exporting, setExporting] = useState(false);
  const data = aging.data;
  const chart = data
    ? agingChart(data.data, data.totals, TOP_CUSTOMERS, t("ar.aging.others"))
    : null;
  const bucketLabel = (b: string | number) =>
    (AGING_BUCKETS as readonly (string | number)[]).includes(b)
      ? t(`ar.aging.buckets.${b as AgingBucket}`)
      : String(b);

  const exportButton = (
    <Button
      variant="outline"
      size="sm"
      disabled={exporting}
      onClick={() => {
        setExporting(true);
        exportAging(asOf ? { as_of: asOf } : {})
          .catch((e: unknown) => toast.error(errorMessage(e)))
          .finally(() => setExporting(false));
      }}
    >
      <Download aria-hidden /> {t("ar.export")}
    </Button>
  );

  return (
    <ChartPanel
      testId="aging-card"
      title={t("ar.aging.title")}
      description={t("ar.aging.description")}
      controls={exportButton}
      isLoading={aging.isPending}
      error={aging.error}
      onRetry={() => void aging.refetch()}
      chart={
        !data || !chart || agingIsEmpty(data.totals) ? (
          <EmptyState className="py-8" title={t("ar.aging.empty")} />
        ) : (
          <BarChartView
            stacked
            label={t("ar.aging.chartLabel")}
            data={chart.data}
            xKey="bucket"
            xFormat={bucketLabel}
            series={chart.series.map((s) => ({
              key: s.key,
              label: s.name,
              ...(s.key === OTHERS_KEY ? { color: OTHERS_COLOR } : {}),
            }))}
            format="idr"
            height={300}
          />
        )
      }
      table={
        data ? (
          <AgingTable
            rows={data.data}
            totals={data.totals}
            caption={
              data.total > data.data.length
                ? t("ar.aging.largest", { shown: data.data.length, total: data.total })
                : t("ar.aging.title")
            }
          />
        ) : null
      }
    />
  );
}
