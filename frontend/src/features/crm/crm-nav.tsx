import { useTranslation } from "react-i18next";
import { useRouter, useRouterState } from "@tanstack/react-router";
import type { MouseEvent } from "react";
import { useMe } from "@/features/auth/api";
import { cn } from "@/lib/utils";
import { managesCrm, seesMarketing } from "./access";

const TABS = [
  { to: "/crm/leads", key: "leads" },
  { to: "/crm/customers", key: "customers" },
  { to: "/crm/pipeline", key: "pipeline" },
  { to: "/crm/forecast", key: "forecast" },
  { to: "/crm/activities", key: "activities" },
  { to: "/crm/tasks", key: "tasks" },
  { to: "/crm/calendar", key: "calendar" },
  { to: "/crm/analytics", key: "analytics" },
  { to: "/crm/marketing", key: "marketing" },
  { to: "/crm/duplicates", key: "duplicates" },
] as const;

/** The sub-navigation of the CRM pages. */
export function CrmNav() {
  const { t } = useTranslation();
  const me = useMe();
  const router = useRouter();
  const path = useRouterState({ select: (s) => s.location.pathname });
  // Client-side navigation; modified clicks (new tab) keep the browser's behaviour.
  const go = (to: string) => (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
    e.preventDefault();
    router.history.push(to);
  };
  const tabs = TABS.filter((tab) => {
    if (tab.key === "marketing") return seesMarketing(me.role);
    if (tab.key === "duplicates") return managesCrm(me.role);
    return true;
  });
  return (
    <nav aria-label={t("crm.nav.label")} className="-mt-2 mb-5 overflow-x-auto">
      <ul className="flex min-w-max gap-1 border-b border-border">
        {tabs.map((tab) => {
          const active = path === tab.to || path.startsWith(`${tab.to}/`);
          return (
            <li key={tab.key}>
              <a
                href={tab.to}
                onClick={go(tab.to)}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "-mb-px inline-block border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap",
                  active
                    ? "border-accent-400 text-navy-900"
                    : "border-transparent text-slate-600 hover:text-navy-900",
                )}
              >
                {t(`crm.nav.${tab.key}`)}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
