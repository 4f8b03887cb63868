import { useRouter, useRouterState } from "@tanstack/react-router";
import type { MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "@/features/auth/api";
import { cn } from "@/lib/utils";
import { ownsCustomers } from "../access";

const TABS = [
  { to: "/dso", key: "overview" },
  { to: "/dso/invoices", key: "invoices" },
  { to: "/dso/payments", key: "payments" },
  { to: "/dso/statement", key: "statement" },
  { to: "/dso/my-customers", key: "myCustomers" },
] as const;

/** The sub-navigation of the receivables pages ("my customers" only for sales roles). */
export function ArNav() {
  const { t } = useTranslation();
  const me = useMe();
  const router = useRouter();
  const path = useRouterState({ select: (s) => s.location.pathname });
  const go = (to: string) => (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
    e.preventDefault();
    router.history.push(to);
  };
  const tabs = TABS.filter((tab) => tab.key !== "myCustomers" || ownsCustomers(me.role));
  return (
    <nav aria-label={t("ar.nav.label")} className="-mt-2 mb-5 overflow-x-auto">
      <ul className="flex min-w-max gap-1 border-b border-border">
        {tabs.map((tab) => {
          const active =
            tab.to === "/dso"
              ? path === "/dso" || path === "/dso/"
              : path === tab.to || path.startsWith(`${tab.to}/`);
          return (
            <li key={tab.key}>
              <a
                href={tab.to}
                onClick={go(tab.to)}
                aria-current={active ? "page" : undefined}
                data-testid={`ar-tab-${tab.key}`}
                className={cn(
                  "-mb-px inline-block border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap",
                  active
                    ? "border-accent-400 text-navy-900"
                    : "border-transparent text-slate-600 hover:text-navy-900",
                )}
              >
                {t(`ar.nav.${tab.key}`)}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
