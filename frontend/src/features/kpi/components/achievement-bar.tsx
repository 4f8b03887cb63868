import { useTranslation } from "react-i18next";
import { currentLocale } from "@/i18n";
import { cn } from "@/lib/utils";
import { formatAchievement } from "../lib/format";
import { barPercent, statusBarClass } from "../lib/status";

/** Achievement as a bar coloured by status, with the exact percentage beside it. */
export function AchievementBar({
  achievement,
  status,
  className,
}: {
  achievement: string | null | undefined;
  status: string;
  className?: string;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const text = formatAchievement(achievement, locale);
  const width = barPercent(achievement);
  return (
    <div className={cn("flex items-center gap-2", className)}>
      <div
        role="meter"
        aria-label={t("kpi.card.achievement")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={width}
        aria-valuetext={text}
        className="h-2 flex-1 overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className={cn("h-full rounded-full transition-[width]", statusBarClass(status))}
          style={{ width: `${width}%` }}
        />
      </div>
      <span
        className="w-14 text-right text-sm font-semibold text-navy-900 tabular-nums"
        data-testid="kpi-achievement"
      >
        {text}
      </span>
    </div>
  );
}
