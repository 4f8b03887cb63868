import { Outlet } from "@tanstack/react-router";
import { Menu } from "lucide-react";
import { Dialog as D } from "radix-ui";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NotificationBell } from "@/features/notifications/notification-bell";
import { useMediaQuery, useStoredFlag } from "@/lib/hooks";
import { Sidebar } from "./sidebar";
import { UserMenu } from "./user-menu";

/**
 * The authenticated frame: navy sidebar (full / icon rail / off-canvas by width),
 * navy header with the notification bell and the user menu, and the page outlet.
 * ≥1024px: the user chooses full or rail; 768–1023px: rail; <768px: drawer.
 */
export function AppShell() {
  const { t } = useTranslation();
  const isDesktop = useMediaQuery("(min-width: 1024px)");
  const isTablet = useMediaQuery("(min-width: 768px)");
  const [collapsedPref, setCollapsedPref] = useStoredFlag("cc.sidebar.collapsed", false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const collapsed = isDesktop ? collapsedPref : true;

  return (
    <div className="flex h-full">
      <a
        href="#main"
        className="sr-only z-50 rounded bg-accent-400 px-3 py-2 font-medium text-navy-950 focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        {t("app.skipToContent")}
      </a>
      {isTablet ? (
        <aside className="shrink-0" data-collapsed={collapsed}>
          <Sidebar
            collapsed={collapsed}
            onToggle={isDesktop ? () => setCollapsedPref(!collapsedPref) : undefined}
          />
        </aside>
      ) : (
        <D.Root open={drawerOpen} onOpenChange={setDrawerOpen}>
          <D.Portal>
            <D.Overlay className="fixed inset-0 z-40 bg-navy-950/60" />
            <D.Content
              className="fixed inset-y-0 left-0 z-50 shadow-xl"
              aria-describedby={undefined}
            >
              <D.Title className="sr-only">{t("nav.main")}</D.Title>
              <Sidebar collapsed={false} onNavigate={() => setDrawerOpen(false)} />
            </D.Content>
          </D.Portal>
        </D.Root>
      )}
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="on-dark flex h-14 shrink-0 items-center gap-3 border-b border-navy-800 bg-navy-900 px-3 text-white md:px-6">
          {!isTablet ? (
            <button
              type="button"
              className="rounded-md p-2 hover:bg-navy-800"
              aria-label={t("nav.openMenu")}
              onClick={() => setDrawerOpen(true)}
            >
              <Menu aria-hidden className="size-5" />
            </button>
          ) : null}
          <div className="flex-1" />
          <NotificationBell />
          <UserMenu />
        </header>
        <main id="main" tabIndex={-1} className="flex-1 overflow-y-auto outline-none">
          <div className="mx-auto w-full max-w-7xl p-4 md:p-6">
            <Outlet />
          </div>
        </main>
      </div>
    </div>
  );
}
