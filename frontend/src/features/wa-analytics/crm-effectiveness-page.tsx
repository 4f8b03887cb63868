import { useTranslation } from "react-i18next";
import { PageHeader } from "@/components/layout/page-header";
import { ForbiddenState } from "@/components/states/states";
import { useMe } from "@/features/auth/api";
import { LiveIndicator } from "@/features/broadcasts/live-indicator";
import { DashboardNav } from "@/features/dashboard/dashboard-nav";
import { readsWaDashboards } from "./access";
import { useLiveDashboard } from "./api";
import { DashboardFilters } from "./components/filters";
import { KpiStrip } from "./components/kpi-strip";
import { AgentsSection } from "./sections/agents-section";
import { AutomationSection } from "./sections/automation-section";
import { BusinessSection } from "./sections/business-section";
import { ConversationSection } from "./sections/conversation-section";
import { LoadSection } from "./sections/load-section";
import { WhatsappSection } from "./sections/whatsapp-section";
import { useDashboardSearch } from "./use-dashboard-search";

function Dashboard() {
  const { t } = useTranslation();
  const search = useDashboardSearch();
  const live = useLiveDashboard();
  const { query } = search;
  return (
    <>
      <PageHeader
        title={t("waAnalytics.title")}
        description={t("waAnalytics.description")}
        actions={<LiveIndicator state={live} />}
      />
      <DashboardNav />
      <DashboardFilters search={search} />
      {query ? (
        <>
          <KpiStrip query={query} />
          <ConversationSection query={query} />
          <WhatsappSection query={query} />
          <LoadSection query={query} />
          <AgentsSection query={query} />
          <AutomationSection query={query} />
          <BusinessSection query={query} />
        </>
      ) : null}
    </>
  );
}

/**
 * "Efektivitas CRM" (seed 002, WA-2/WA-3): the KPI strip and six sections — conversation
 * effectiveness, WhatsApp performance, customer load, agent productivity, automation and
 * business impact — for the period, agent or team in the URL, refreshed every 30 s and
 * on live events. Management and CS only; a CS agent sees their own figures.
 */
export default function CrmEffectivenessPage() {
  const me = useMe();
  return readsWaDashboards(me.role) ? <Dashboard /> : <ForbiddenState />;
}
