import { useTranslation } from "react-i18next";
import { currentLocale } from "@/i18n";
import { formatNumber, formatPercent } from "@/lib/format";
import { cn } from "@/lib/utils";
import { funnelSteps, funnelWidth, type Funnel } from "../lib/funnel";
import { FigureTable } from "./figure-table";

/** Sent → delivered → read as bars against the messages sent, with counts and rates. */
export function FunnelBars({ funnel }: { funnel: Funnel }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <ol className="flex flex-col gap-2.5" data-testid="wa-funnel">
      {funnelSteps(funnel).map((s) => {
        const width = funnelWidth(s.count, funnel.sent);
        return (
          <li key={s.key} data-testid={`funnel-${s.key}`} data-count={s.count}>
            <div className="mb-1 flex items-baseline justify-between gap-2 text-sm">
              <span className="font-medium text-foreground">
                {t(`waAnalytics.whatsapp.${s.key}`)}
              </span>
              <span className="tabular text-slate-700">
                <strong className="text-navy-900">{formatNumber(s.count, locale)}</strong>
                {s.rate !== null ? ` · ${formatPercent(s.rate, locale, 1)}` : ""}
              </span>
            </div>
            <div className="h-3 rounded-full bg-slate-100" aria-hidden>
              <div className={cn("h-3 rounded-full", s.color)} style={{ width: `${width}%` }} />
            </div>
          </li>
        );
      })}
    </ol>
  );
}

export function FunnelTable({ funnel }: { funnel: Funnel }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <FigureTable
      caption={t("waAnalytics.whatsapp.funnel")}
      columns={[
        { label: t("waAnalytics.whatsapp.step") },
        { label: t("waAnalytics.common.count"), numeric: true },
        { label: t("waAnalytics.whatsapp.rate"), numeric: true },
      ]}
      rows={funnelSteps(funnel).map((s) => [
        t(`waAnalytics.whatsapp.${s.key}`),
        formatNumber(s.count, locale),
        formatPercent(s.rate, locale, 1),
      ])}
    />
  );
}
