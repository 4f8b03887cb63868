import { useTranslation } from "react-i18next";
import { currentLocale } from "@/i18n";
import { formatDate, formatNumber } from "@/lib/format";
import { periodLabel } from "../lib/period";
import type { Scorecard } from "../types";

/** "Desember 2026 · 01/12/2026–31/12/2026 · hari ke-7 dari 31". */
export function PeriodLine({ period, card }: { period: string; card: Scorecard | undefined }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <span data-testid="kpi-period-line">
      {periodLabel(card?.period ?? period, locale)}
      {card ? (
        <>
          {" · "}
          {formatDate(card.period_start)}–{formatDate(card.period_end)}
          {" · "}
          {card.elapsed_days >= card.days
            ? t("kpi.scorecard.periodDone", { days: formatNumber(card.days, locale) })
            : t("kpi.scorecard.elapsed", {
                elapsed: formatNumber(card.elapsed_days, locale),
                days: formatNumber(card.days, locale),
              })}
        </>
      ) : null}
    </span>
  );
}
