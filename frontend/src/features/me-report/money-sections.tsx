import { useTranslation } from "react-i18next";
import { metricName } from "@/features/kpi/components/metric-name";
import { formatAchievement, formatKpiValue } from "@/features/kpi/lib/format";
import { currentLocale } from "@/i18n";
import { formatDate, formatIDR } from "@/lib/format";
import { SectionCard } from "./figure";
import { myCustomersLink, scorecardLink } from "./links";
import type { ArSection, MeReport, TargetsSection } from "./types";

export function TargetsCard({ report, targets }: { report: MeReport; targets: TargetsSection }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <SectionCard
      id="targets"
      title={t("meReport.targets.title")}
      href={scorecardLink(report)}
      linkLabel={t("meReport.open")}
    >
      {targets.rows.length === 0 ? (
        <p className="text-sm text-muted">{t("meReport.targets.empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead>
              <tr className="text-left text-xs text-slate-700">
                <th scope="col" className="py-1">
                  {t("meReport.targets.metric")}
                </th>
                <th scope="col" className="py-1 pl-3 text-right whitespace-nowrap">
                  {t("meReport.targets.target")}
                </th>
                <th scope="col" className="py-1 pl-3 text-right whitespace-nowrap">
                  {t("meReport.targets.actual")}
                </th>
                <th scope="col" className="py-1 pl-3 text-right whitespace-nowrap">
                  {t("meReport.targets.achievement")}
                </th>
              </tr>
            </thead>
            <tbody>
              {targets.rows.map((r) => (
                <tr
                  key={r.metric_key}
                  className="border-t border-border"
                  data-testid={`report-target-${r.metric_key}`}
                >
                  <th scope="row" className="py-1 text-left font-normal">
                    {metricName(r, locale)}
                  </th>
                  <td className="py-1 pl-3 text-right whitespace-nowrap tabular-nums">
                    {r.target === null ? "—" : formatKpiValue(r.target, r.unit, locale)}
                  </td>
                  <td className="py-1 pl-3 text-right whitespace-nowrap tabular-nums">
                    {r.actual === null
                      ? t("meReport.targets.na")
                      : formatKpiValue(r.actual, r.unit, locale)}
                  </td>
                  <td className="py-1 pl-3 text-right whitespace-nowrap tabular-nums">
                    {r.achievement_pct === null
                      ? "—"
                      : formatAchievement(r.achievement_pct, locale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </SectionCard>
  );
}

export function ArCard({ report, ar }: { report: MeReport; ar: ArSection }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <SectionCard
      id="ar"
      title={t("meReport.ar.title")}
      href={myCustomersLink(report)}
      linkLabel={t("meReport.open")}
    >
      <p className="text-xs text-muted">{t("meReport.asOf", { date: formatDate(ar.as_of) })}</p>
      <div className="grid grid-cols-2 gap-4">
        <div className="flex flex-col">
          <span className="text-sm text-muted">{t("meReport.ar.outstanding")}</span>
          <span className="text-xl font-semibold tabular-nums" data-testid="report-ar-outstanding">
            {formatIDR(ar.outstanding, locale)}
          </span>
        </div>
        <div className="flex flex-col">
          <span className="text-sm text-muted">{t("meReport.ar.overdue")}</span>
          <span
            className="text-xl font-semibold tabular-nums text-danger"
            data-testid="report-ar-overdue"
          >
            {formatIDR(ar.overdue, locale)}
          </span>
        </div>
      </div>
      {ar.customers.length === 0 ? (
        <p className="text-sm text-muted">{t("meReport.ar.empty")}</p>
      ) : (
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left text-xs text-slate-700">
              <th scope="col" className="py-1">
                {t("meReport.ar.customer")}
              </th>
              <th scope="col" className="py-1 pl-3 text-right whitespace-nowrap">
                {t("meReport.ar.total")}
              </th>
            </tr>
          </thead>
          <tbody>
            {ar.customers.map((c) => (
              <tr key={c.customer_id ?? c.customer_name} className="border-t border-border">
                <th scope="row" className="py-1 text-left font-normal">
                  {c.customer_name}
                </th>
                <td className="py-1 pl-3 text-right whitespace-nowrap tabular-nums">
                  {formatIDR(c.total, locale)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </SectionCard>
  );
}
