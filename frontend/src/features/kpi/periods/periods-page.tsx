import { useQuery } from "@tanstack/react-query";
import { Lock } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SelectFilter } from "@/components/data-table/filters";
import { EmptyState } from "@/components/states/states";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { useMe } from "@/features/auth/api";
import { todayInJakarta } from "@/lib/format";
import { useUrlSearch } from "@/lib/url-search";
import { closingDept } from "../access";
import { closesQueryOptions, metricsQueryOptions } from "../api";
import { FilterBar, KpiPage, QueryError } from "../components/kpi-page";
import { useDeptName } from "../components/use-dept-name";
import { groupCloses } from "../lib/close";
import { PERIODS_SEARCH_KEYS } from "../search-keys";
import type { PeriodClose } from "../types";
import { ClosePeriodDialog } from "./close-dialog";
import { CloseHistory } from "./close-history";
import { ReopenPeriodDialog } from "./reopen-dialog";

type Open =
  | { kind: "close"; initial?: { period: string; dept: string } }
  | { kind: "reopen"; close: PeriodClose }
  | null;

function HistorySkeleton() {
  return (
    <div className="flex flex-col gap-4" aria-busy="true">
      {Array.from({ length: 3 }, (_, i) => (
        <Skeleton key={i} className="h-40" />
      ))}
    </div>
  );
}

/**
 * KPI-5, closing periods: the closes of the department (super admin: every department,
 * or one) with each revision's history; close an ended period, reopen one with a reason.
 */
export default function PeriodsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const today = todayInJakarta();
  const deptName = useDeptName();
  const fixedDept = closingDept(me.role);
  const [search, set] = useUrlSearch(PERIODS_SEARCH_KEYS);
  const metrics = useQuery({ ...metricsQueryOptions, enabled: !fixedDept });
  const dept = fixedDept ?? (search.dept && /^[A-Z]{2,8}$/.test(search.dept) ? search.dept : null);
  const closes = useQuery(closesQueryOptions(dept ? { dept } : {}));
  const [open, setOpen] = useState<Open>(null);
  const groups = groupCloses(closes.data ?? []);
  const depts = [...new Set((metrics.data ?? []).map((m) => m.dept))];
  const dismiss = () => setOpen(null);

  let content;
  if (closes.isPending) content = <HistorySkeleton />;
  else if (closes.isError)
    content = <QueryError error={closes.error} onRetry={() => void closes.refetch()} />;
  else if (groups.length === 0)
    content = (
      <EmptyState
        title={t("kpi.closes.empty")}
        description={t("kpi.closes.emptyBody")}
        action={
          <Button variant="outline" onClick={() => setOpen({ kind: "close" })}>
            <Lock aria-hidden /> {t("kpi.closes.close")}
          </Button>
        }
      />
    );
  else
    content = (
      <ul className="flex flex-col gap-4" aria-label={t("kpi.closes.title")}>
        {groups.map((g) => (
          <li key={g.key}>
            <CloseHistory
              group={g}
              onReopen={(close) => setOpen({ kind: "reopen", close })}
              onCloseAgain={(period, d) => setOpen({ kind: "close", initial: { period, dept: d } })}
            />
          </li>
        ))}
      </ul>
    );

  return (
    <KpiPage
      title={t("kpi.closes.title")}
      description={t("kpi.closes.subtitle")}
      actions={
        <Button onClick={() => setOpen({ kind: "close" })} data-testid="close-period-open">
          <Lock aria-hidden /> {t("kpi.closes.close")}
        </Button>
      }
    >
      {fixedDept ? null : (
        <FilterBar>
          <SelectFilter
            value={search.dept}
            onChange={(v) => set({ dept: v })}
            label={t("kpi.fields.metricDept")}
            allLabel={t("kpi.closes.allDepts")}
            testId="closes-dept"
          >
            {depts.map((d) => (
              <option key={d} value={d}>
                {deptName(d)}
              </option>
            ))}
          </SelectFilter>
        </FilterBar>
      )}
      {content}
      {open?.kind === "close" ? (
        <ClosePeriodDialog
          today={today}
          fixedDept={fixedDept}
          initial={open.initial}
          onClose={dismiss}
        />
      ) : null}
      {open?.kind === "reopen" ? <ReopenPeriodDialog close={open.close} onClose={dismiss} /> : null}
    </KpiPage>
  );
}
