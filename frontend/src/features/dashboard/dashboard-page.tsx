import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PageHeader } from "@/components/layout/page-header";
import { NAV_ITEMS } from "@/components/layout/nav-items";
import { Card } from "@/components/ui/card";
import { visibleMenus } from "@/features/auth/access";
import { useMe } from "@/features/auth/api";
import { LatestNews } from "@/features/news/latest-news";
import { ActivityFeed } from "./activity-feed";
import { DashboardNav } from "./dashboard-nav";
import { KpiHighlights } from "./kpi-highlights";
import { DashboardWidgets } from "./widgets";
import { TodoWidget } from "@/features/me-report/todo-widget";

/**
 * DASH-1: today's counters (tickets, broadcasts, follow-ups), the high-priority tickets
 * waiting for a response, the KPI highlights and a live activity feed, then the user's
 * modules. Roles that read the CRM Effectiveness dashboard get it as a second tab.
 */
export default function DashboardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const modules = visibleMenus(me).filter((m) => m !== "dashboard");
  return (
    <>
      <PageHeader
        title={t("dashboard.title")}
        description={t("dashboard.greeting", { name: me.full_name })}
      />
      <DashboardNav />
      <div className="grid items-start gap-6 xl:grid-cols-3">
        <div className="flex flex-col gap-6 xl:col-span-2">
          <DashboardWidgets />
          <TodoWidget />
          <KpiHighlights />
          <LatestNews />
        </div>
        <ActivityFeed />
      </div>
      {modules.length > 0 ? (
        <section className="mt-8" aria-labelledby="dash-modules">
          <h2 id="dash-modules" className="mb-3 text-sm font-semibold text-slate-700">
            {t("dashboard.yourMenus")}
          </h2>
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {modules.map((key) => {
              const item = NAV_ITEMS[key];
              const Icon = item.icon;
              return (
                <li key={key}>
                  <Card className="transition-shadow hover:shadow-md">
                    <Link to={item.to} className="flex items-center gap-3 rounded-lg p-4">
                      <span className="flex size-10 items-center justify-center rounded-md bg-navy-900 text-accent-400">
                        <Icon aria-hidden className="size-5" />
                      </span>
                      <span className="font-medium text-navy-900">{t(item.labelKey)}</span>
                    </Link>
                  </Card>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </>
  );
}
