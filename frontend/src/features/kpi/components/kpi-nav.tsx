import { useRouter, useRouterState, useSearch } from "@tanstack/react-router";
import type { MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "@/features/auth/api";
import { pickStringParams } from "@/lib/search-params";
import { cn } from "@/lib/utils";
import { closesPeriods, managesTargets, seesKpi } from "../access";
import { kpiViewSearch } from "./use-kpi-search";

const TABS = [
  { to: "/kpi", key: "scorecard", keepView: true, needs: "menu" },
  { to: "/kpi/trend", key: "trend", keepView: true, needs: "menu" },
  { to: "/kpi/entries", key: "entries", keepView: false, needs: "menu" },
  { to: "/kpi/targets", key: "targets", keepView: false, needs: "targets" },
  { to: "/kpi/periods", key: "periods", keepView: false, needs: "close" },
] as const;

/**
 * The KPI sub-navigation. The scorecard and the charts share the period and scope of
 * the view; "Target" only for roles that set targets, "Periode" for those who close
 * periods. A CS admin (no KPI menu) gets only the target admin and the period close.
 */
export function KpiNav() {
  const { t } = useTranslation();
  const me = useMe();
  const router = useRouter();
  const path = useRouterState({ select: (s) => s.location.pathname });
  const search: Record<string, unknown> = useSearch({ strict: false });
  const allowed = {
    menu: seesKpi(me),
    targets: managesTargets(me),
    close: closesPeriods(me),
  } as const;
  const tabs = TABS.filter((tab) => allowed[tab.needs]);
  if (tabs.length < 2) return null;
  const view = kpiViewSearch(pickStringParams(search, ["period", "scope"] as const));
  const go = (to: string) => (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
    e.preventDefault();
    router.history.push(to);
  };
  return (
    <nav aria-label={t("kpi.nav.label")} className="-mt-2 mb-5 overflow-x-auto">
      <ul className="flex min-w-max gap-1 border-b border-border">
        {tabs.map((tab) => {
          const active =
            tab.to === "/kpi" ? path === "/kpi" || path === "/kpi/" : path.startsWith(tab.to);
          const href = `${tab.to}${tab.keepView ? view : ""}`;
          return (
            <li key={tab.key}>
              <a
                href={href}
                onClick={go(href)}
                aria-current={active ? "page" : undefined}
                data-testid={`kpi-tab-${tab.key}`}
                className={cn(
                  "-mb-px inline-block border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap",
                  active
                    ? "border-accent-400 text-navy-900"
                    : "border-transparent text-slate-600 hover:text-navy-900",
                )}
              >
                {t(`kpi.nav.${tab.key}`)}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
