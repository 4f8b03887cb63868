import { ArrowDownRight, ArrowUpRight, Minus } from "lucide-react";
import { useTranslation } from "react-i18next";
import { currentLocale } from "@/i18n";
import { cn } from "@/lib/utils";
import { formatChange, TONE_TEXT, trendDirection, trendTone, type Better } from "../lib/trend";
import type { Trend } from "../types";

const ICON = { up: ArrowUpRight, down: ArrowDownRight, flat: Minus } as const;

/**
 * The change against the previous period: an arrow, `+12,5%`, green or red by which
 * way is good news for the figure; the sentence for screen readers.
 */
export function TrendBadge({
  trend,
  better,
  against = "previous",
}: {
  trend: Trend | null | undefined;
  better: Better;
  against?: "previous" | "yesterday";
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const direction = trendDirection(trend);
  const pct = formatChange(trend, locale);
  const versus =
    against === "yesterday"
      ? t("waAnalytics.trend.vsYesterday")
      : t("waAnalytics.trend.vsPrevious");
  if (direction === "none")
    return (
      <span className="text-xs text-slate-600" data-testid="trend" data-direction="none">
        {t("waAnalytics.trend.none")}
      </span>
    );
  const Icon = ICON[direction];
  return (
    <span
      className={cn(
        "inline-flex items-center gap-0.5 text-xs font-medium whitespace-nowrap",
        TONE_TEXT[trendTone(direction, better)],
      )}
      data-testid="trend"
      data-direction={direction}
    >
      <Icon aria-hidden className="size-3.5" />
      <span aria-hidden>{pct}</span>
      <span className="sr-only">
        {t(`waAnalytics.trend.${direction}`, { pct: pct.replace(/^[+−]/, "") })} {versus}
      </span>
    </span>
  );
}
