import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { currentLocale } from "@/i18n";
import { formatIDR, formatNumber, formatPercent } from "@/lib/format";
import { businessImpactQueryOptions } from "../api";
import { Figure } from "../components/figure";
import { FigureTable } from "../components/figure-table";
import { NoData } from "../components/no-data";
import { Panel } from "../components/panel";
import { DashboardSection } from "../components/section";
import { TrendBadge } from "../components/trend-badge";
import type { BusinessImpact, DashboardQuery } from "../types";

function Figures({ data }: { data: BusinessImpact }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Panel title={t("waAnalytics.business.figures")} testId="wa-business-figures">
      <div className="grid grid-cols-2 gap-4 sm:grid-cols-3 xl:grid-cols-5">
        <Figure
          testId="wa-leads"
          label={t("waAnalytics.business.leads")}
          value={formatNumber(data.leads_generated.value, locale)}
          hint={<TrendBadge trend={data.leads_generated} better="higher" />}
        />
        <Figure
          testId="wa-tickets-resolved"
          label={t("waAnalytics.business.ticketsResolved")}
          value={formatNumber(data.tickets_resolved.value, locale)}
          hint={<TrendBadge trend={data.tickets_resolved} better="higher" />}
        />
        <Figure
          testId="wa-repeat"
          label={t("waAnalytics.business.repeat")}
          value={formatPercent(data.repeat_customer_rate, locale, 1)}
        />
        <Figure
          testId="wa-cost"
          label={t("waAnalytics.business.cost")}
          value={formatIDR(data.cost_idr, locale)}
        />
        <Figure
          testId="wa-cost-per"
          label={t("waAnalytics.business.costPer")}
          value={formatIDR(data.cost_per_conversation_idr, locale)}
        />
      </div>
    </Panel>
  );
}

function Campaigns({ data }: { data: BusinessImpact }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const n = (v: number) => formatNumber(v, locale);
  return (
    <Panel
      title={t("waAnalytics.business.campaigns")}
      description={t("waAnalytics.business.campaignsHint")}
      testId="wa-campaigns"
    >
      {data.campaigns.length === 0 ? (
        <NoData title={t("waAnalytics.business.noCampaigns")} />
      ) : (
        <FigureTable
          caption={t("waAnalytics.business.campaigns")}
          testId="wa-campaigns-table"
          columns={[
            { label: t("waAnalytics.whatsapp.campaign") },
            { label: t("waAnalytics.whatsapp.sent"), numeric: true },
            { label: t("waAnalytics.whatsapp.delivered"), numeric: true },
            { label: t("waAnalytics.whatsapp.read"), numeric: true },
            { label: t("waAnalytics.whatsapp.failed"), numeric: true },
            { label: t("waAnalytics.business.replied"), numeric: true },
            { label: t("waAnalytics.business.conversion"), numeric: true },
          ]}
          rows={data.campaigns.map((c) => [
            c.name,
            n(c.sent),
            n(c.delivered),
            n(c.read),
            n(c.failed),
            n(c.replied),
            formatPercent(c.conversion_pct, locale, 1),
          ])}
        />
      )}
    </Panel>
  );
}

/** Leads and tickets resolved, campaign conversion, repeat customers, the WhatsApp bill. */
export function BusinessSection({ query }: { query: DashboardQuery }) {
  const { t } = useTranslation();
  const result = useQuery(businessImpactQueryOptions(query));
  return (
    <DashboardSection
      id="business"
      title={t("waAnalytics.business.title")}
      description={t("waAnalytics.business.description")}
      query={result}
    >
      {(data) => (
        <div className="grid gap-4">
          <Figures data={data} />
          <Campaigns data={data} />
        </div>
      )}
    </DashboardSection>
  );
}
