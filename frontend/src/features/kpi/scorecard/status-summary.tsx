import { useTranslation } from "react-i18next";
import { KPI_STATUS_VALUES } from "@/api/enums.gen";
import { Badge } from "@/components/ui/badge";
import { currentLocale } from "@/i18n";
import { formatNumber } from "@/lib/format";
import { KPI_STATUS_LABEL } from "../labels";
import { countByStatus, STATUS_TONE } from "../lib/status";

/** How many metrics are on track, at risk, behind, NA or without a target. */
export function StatusSummary({
  rows,
  className,
}: {
  rows: readonly { status: string }[];
  className?: string;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const counts = countByStatus(rows);
  return (
    <ul
      className={className ?? "mb-4 flex flex-wrap gap-2"}
      aria-label={t("kpi.scorecard.summary")}
    >
      {KPI_STATUS_VALUES.map((status) => (
        <li key={status}>
          <Badge
            variant={STATUS_TONE[status]}
            className="px-2.5 py-1 text-sm"
            data-testid={`kpi-count-${status}`}
          >
            {t(KPI_STATUS_LABEL[status])}
            <span className="font-semibold tabular-nums">
              {formatNumber(counts[status], locale)}
            </span>
          </Badge>
        </li>
      ))}
    </ul>
  );
}
