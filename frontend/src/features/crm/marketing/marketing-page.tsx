import { CalendarDays, Wallet } from "lucide-react";
import { Tabs } from "radix-ui";
import { useTranslation } from "react-i18next";
import { useMe } from "@/features/auth/api";
import { entersMarketing } from "../access";
import { CrmWorkPage } from "../components/crm-page";
import { useUrlSearch } from "@/lib/url-search";
import { EventsTab } from "./events-tab";
import { parseMarketingSearch } from "./marketing-schema";
import { SpendTab } from "./spend-tab";

const SEARCH_KEYS = ["tab", "from", "to", "platform"] as const;

const TAB_CLASS =
  "-mb-px inline-flex items-center gap-2 border-b-2 border-transparent px-3 py-2 text-sm font-medium text-muted transition-colors hover:text-foreground data-[state=active]:border-accent-500 data-[state=active]:text-navy-900 [&_svg]:size-4";

/**
 * Marketing inputs of the CRM: ad spend per platform and day, and marketing events.
 * Marketing and super admins enter them; the director reads them. The tab and the
 * date range (shared by both tabs) live in the URL.
 */
export default function MarketingPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [search, setSearch] = useUrlSearch(SEARCH_KEYS);
  const filters = parseMarketingSearch(search);
  const canWrite = entersMarketing(me.role);

  return (
    <CrmWorkPage
      title={t("crm.marketing.title")}
      description={canWrite ? t("crm.marketing.subtitle") : t("crm.marketing.subtitleReadOnly")}
    >
      <Tabs.Root
        value={filters.tab}
        onValueChange={(tab) => setSearch({ tab: tab === "events" ? "events" : undefined })}
      >
        <Tabs.List
          aria-label={t("crm.marketing.tabs.label")}
          className="mb-4 flex gap-1 border-b border-border"
        >
          <Tabs.Trigger value="spend" className={TAB_CLASS} data-testid="marketing-tab-spend">
            <Wallet aria-hidden />
            {t("crm.marketing.tabs.spend")}
          </Tabs.Trigger>
          <Tabs.Trigger value="events" className={TAB_CLASS} data-testid="marketing-tab-events">
            <CalendarDays aria-hidden />
            {t("crm.marketing.tabs.events")}
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="spend" className="focus-visible:outline-offset-4">
          <SpendTab filters={filters} canWrite={canWrite} onFilters={setSearch} />
        </Tabs.Content>
        <Tabs.Content value="events" className="focus-visible:outline-offset-4">
          <EventsTab filters={filters} canWrite={canWrite} onFilters={setSearch} />
        </Tabs.Content>
      </Tabs.Root>
    </CrmWorkPage>
  );
}
