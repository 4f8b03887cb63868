import { useRouter, useRouterState } from "@tanstack/react-router";
import type { MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "@/features/auth/api";
import { readsWaDashboards } from "@/features/wa-analytics/access";
import { CRM_EFFECTIVENESS_PATH } from "@/features/wa-analytics/paths";
import { cn } from "@/lib/utils";

const TABS = [
  { to: "/", key: "overview" },
  { to: CRM_EFFECTIVENESS_PATH, key: "crm" },
] as const;

/**
 * The dashboard's tabs: the overview (DASH-1) and the CRM Effectiveness dashboard, the
 * latter only for the roles the API lets read it; alone, the overview needs no tabs.
 */
export function DashboardNav() {
  const { t } = useTranslation();
  const me = useMe();
  const router = useRouter();
  const path = useRouterState({ select: (s) => s.location.pathname });
  if (!readsWaDashboards(me.role)) return null;
  const go = (to: string) => (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
    e.preventDefault();
    router.history.push(to);
  };
  return (
    <nav aria-label={t("waAnalytics.nav.label")} className="-mt-2 mb-5 overflow-x-auto">
      <ul className="flex min-w-max gap-1 border-b border-border">
        {TABS.map((tab) => {
          const active = tab.to === "/" ? path === "/" : path.startsWith(tab.to);
          return (
            <li key={tab.key}>
              <a
                href={tab.to}
                onClick={go(tab.to)}
                aria-current={active ? "page" : undefined}
                data-testid={`dashboard-tab-${tab.key}`}
                className={cn(
                  "-mb-px inline-block border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap",
                  active
                    ? "border-accent-400 text-navy-900"
                    : "border-transparent text-slate-600 hover:text-navy-900",
                )}
              >
                {t(`waAnalytics.nav.${tab.key}`)}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
