import { Link, useRouterState } from "@tanstack/react-router";
import { PanelLeftClose, PanelLeftOpen } from "lucide-react";
import { useTranslation } from "react-i18next";
import { visibleMenus } from "@/features/auth/access";
import { useMe } from "@/features/auth/api";
import { cn } from "@/lib/utils";
import { NAV_ITEMS } from "./nav-items";

export function Brand({ collapsed = false }: { collapsed?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="flex h-14 shrink-0 items-center gap-2 px-4">
      <span
        aria-hidden
        className="flex size-8 shrink-0 items-center justify-center rounded-md bg-accent-400 text-sm font-black text-navy-950"
      >
        CC
      </span>
      <span className={cn("truncate text-base font-semibold text-white", collapsed && "sr-only")}>
        {t("app.name")}
      </span>
    </div>
  );
}

interface SidebarProps {
  collapsed: boolean;
  /** Desktop only: switches between full width and the icon rail. */
  onToggle?: () => void;
  onNavigate?: () => void;
  className?: string;
}

export function Sidebar({ collapsed, onToggle, onNavigate, className }: SidebarProps) {
  const { t } = useTranslation();
  const me = useMe();
  // The dashboard's other tabs (/dashboard/…) belong to it: "/" alone matches exactly.
  const onDashboardTab = useRouterState({
    select: (s) => s.location.pathname.startsWith("/dashboard/"),
  });
  return (
    <div
      className={cn(
        "on-dark flex h-full flex-col bg-navy-900 text-slate-200 transition-[width] duration-200 motion-reduce:transition-none",
        collapsed ? "w-16" : "w-60",
        className,
      )}
    >
      <Brand collapsed={collapsed} />
      <nav
        aria-label={t("nav.main")}
        data-testid="sidebar"
        className="flex-1 overflow-y-auto px-2 py-3"
      >
        <ul className="flex flex-col gap-1">
          {visibleMenus(me).map((key) => {
            const item = NAV_ITEMS[key];
            const Icon = item.icon;
            const label = t(item.labelKey);
            return (
              <li key={key}>
                <Link
                  to={item.to}
                  data-menu={key}
                  onClick={onNavigate}
                  title={collapsed ? label : undefined}
                  activeOptions={{ exact: key === "dashboard" }}
                  className={cn(
                    "group flex h-10 items-center gap-3 rounded-md border-l-4 border-transparent px-3 text-sm font-medium text-slate-200 hover:bg-navy-800 hover:text-white",
                    "data-[status=active]:border-accent-400 data-[status=active]:bg-navy-800 data-[status=active]:text-accent-400",
                    key === "dashboard" &&
                      onDashboardTab &&
                      "border-accent-400 bg-navy-800 text-accent-400",
                    collapsed && "justify-center px-0",
                  )}
                >
                  <Icon aria-hidden className="size-5 shrink-0" />
                  <span className={cn("truncate", collapsed && "sr-only")}>{label}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {onToggle ? (
        <div className="border-t border-navy-800 p-2">
          <button
            type="button"
            onClick={onToggle}
            aria-expanded={!collapsed}
            aria-label={collapsed ? t("nav.expand") : t("nav.collapse")}
            data-testid="sidebar-toggle"
            className={cn(
              "flex h-9 w-full items-center gap-3 rounded-md px-3 text-sm text-slate-300 hover:bg-navy-800 hover:text-white",
              collapsed && "justify-center px-0",
            )}
          >
            {collapsed ? (
              <PanelLeftOpen aria-hidden className="size-5" />
            ) : (
              <PanelLeftClose aria-hidden className="size-5" />
            )}
            <span className={cn(collapsed && "sr-only")}>
              {collapsed ? t("nav.expand") : t("nav.collapse")}
            </span>
          </button>
        </div>
      ) : null}
    </div>
  );
}
