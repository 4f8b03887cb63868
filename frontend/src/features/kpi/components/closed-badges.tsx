import { Lock, TriangleAlert } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Badge } from "@/components/ui/badge";
import { currentLocale } from "@/i18n";
import { cn } from "@/lib/utils";
import { formatDrift } from "../lib/close";
import { formatKpiValue } from "../lib/format";
import type { ScoreRow } from "../types";

type Closed = Pick<ScoreRow, "closed_revision" | "live_actual" | "drift_since_close" | "unit">;

/** "Ditutup (rev. 2)": the row's figures are the ones frozen when the period was closed. */
export function ClosedBadge({ revision }: { revision: number | null | undefined }) {
  const { t } = useTranslation();
  if (revision === null || revision === undefined) return null;
  return (
    <Badge
      variant="default"
      data-testid="kpi-closed"
      data-revision={revision}
      title={t("kpi.card.closedHint", { revision })}
    >
      <Lock aria-hidden className="size-3" />
      {t("kpi.card.closed", { revision })}
    </Badge>
  );
}

/**
 * How far the sources moved since the close ("Berubah sejak ditutup: +3 · angka terkini
 * 48"); nothing when the period is not closed or nothing moved.
 */
export function DriftNote({ row, className }: { row: Closed; className?: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (row.closed_revision === null || row.closed_revision === undefined) return null;
  const drift = formatDrift(row.drift_since_close, row.unit, locale);
  if (!drift) return null;
  const live = formatKpiValue(row.live_actual, row.unit, locale);
  return (
    <p
      className={cn(
        "flex items-start gap-1.5 rounded-md border border-yellow-300 bg-warning-soft px-2 py-1 text-xs text-yellow-900",
        className,
      )}
      data-testid="kpi-drift"
      data-drift={row.drift_since_close ?? undefined}
      title={t("kpi.card.driftHint")}
    >
      <TriangleAlert aria-hidden className="mt-px size-3.5 shrink-0" />
      <span>
        <span className="font-semibold tabular-nums">{t("kpi.card.drift", { drift })}</span>
        {" · "}
        <span className="tabular-nums" data-testid="kpi-live-actual">
          {t("kpi.card.liveNow", { value: live })}
        </span>
        <span className="sr-only"> {t("kpi.card.driftHint")}</span>
      </span>
    </p>
  );
}
