import { useTranslation } from "react-i18next";
import { Alert } from "@/components/ui/alert";
import { useMe } from "@/features/auth/api";
import { todayInJakarta } from "@/lib/format";
import { CrmWorkPage, FilterBar } from "../components/crm-page";
import { DateRangeFilter } from "@/components/form/date-range";
import { useUrlSearch } from "@/lib/url-search";
import { isDate } from "../lib/dates";
import { defaultRange, rangeProblem, readsSpend } from "./analytics-data";
import { AdsCard } from "./ads-card";
import { ConversionCard, SourcesCard, TrendCard } from "./channel-cards";
import { FunnelCard } from "./funnel-card";
import { WorkloadCard } from "./workload-card";

const SEARCH_KEYS = ["from", "to"] as const;

/**
 * CRM analytics (CRM-7): funnel, conversion per channel, the monthly lead trend, lead
 * sources, ads performance and team workload over one date range. Each card loads,
 * fails and retries on its own; the range lives in the URL (`from`, `to`).
 */
export default function AnalyticsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [search, setSearch] = useUrlSearch(SEARCH_KEYS);
  // The current month so far (Asia/Jakarta) unless the URL says otherwise.
  const defaults = defaultRange(todayInJakarta());
  const range = {
    from: isDate(search.from) ? search.from : defaults.from,
    to: isDate(search.to) ? search.to : defaults.to,
  };
  // A range the API would refuse is explained here rather than as six failed cards.
  const problem = rangeProblem(range);

  return (
    <CrmWorkPage title={t("crm.analytics.title")} description={t("crm.analytics.subtitle")}>
      <FilterBar>
        <DateRangeFilter
          from={range.from}
          to={range.to}
          onChange={(r) =>
            setSearch({
              from: r.from && r.from !== defaults.from ? r.from : undefined,
              to: r.to && r.to !== defaults.to ? r.to : undefined,
            })
          }
        />
      </FilterBar>

      {problem ? (
        <Alert data-testid="analytics-range-error">
          {problem === "order" ? t("crm.analytics.rangeOrder") : t("crm.analytics.rangeTooLong")}
        </Alert>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          <FunnelCard range={range} />
          <SourcesCard range={range} />
          <ConversionCard range={range} />
          <TrendCard range={range} />
          <AdsCard range={range} canReadSpend={readsSpend(me.role)} />
          <WorkloadCard range={range} />
        </div>
      )}
    </CrmWorkPage>
  );
}
