import { Link, useNavigate, useRouter } from "@tanstack/react-router";
import {
  ChevronDown,
  FileUp,
  Goal,
  History,
  KeyRound,
  FileBarChart,
  Languages,
  LogOut,
  Newspaper,
  UserCog,
  UserRound,
} from "lucide-react";
import { useTranslation } from "react-i18next";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { hasCapability } from "@/features/auth/access";
import { useLogout, useMe } from "@/features/auth/api";
import { useSwitchLanguage } from "@/features/auth/use-switch-language";
import { useCanImport } from "@/features/imports/hooks";
import { NEWS_PATH } from "@/features/news/routes";
import { LANGUAGES } from "@/i18n";
import { useRoleLabel } from "@/lib/labels";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? "?";
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "";
  return (first + last).toUpperCase();
}

export function UserMenu() {
  const { t, i18n: i } = useTranslation();
  const me = useMe();
  const roleLabel = useRoleLabel();
  const logout = useLogout();
  const navigate = useNavigate();
  const switchLanguage = useSwitchLanguage();
  const router = useRouter();
  const canImport = useCanImport();

  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className="flex items-center gap-2 rounded-md px-2 py-1 text-left hover:bg-navy-800"
        title={t("userMenu.open")}
        data-testid="user-menu"
      >
        <span
          aria-hidden
          className="flex size-8 items-center justify-center rounded-full bg-accent-400 text-xs font-bold text-navy-950"
        >
          {initials(me.full_name)}
        </span>
        <span className="sr-only min-w-0 flex-col sm:not-sr-only sm:flex">
          <span className="truncate text-sm font-medium text-white">{me.full_name}</span>
          <span className="truncate text-xs text-slate-300">{roleLabel(me.role)}</span>
        </span>
        <ChevronDown aria-hidden className="size-4 text-slate-300" />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-64">
        <DropdownMenuLabel className="normal-case">
          <span className="block truncate text-sm font-semibold text-foreground">
            {me.full_name}
          </span>
          <span className="block truncate text-xs font-normal text-muted">{me.email}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link to="/profile" data-testid="menu-profile">
            <UserRound aria-hidden />
            {t("userMenu.profile")}
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem
          data-testid="menu-me-report"
          // An untyped child route: pushed on select (the menu closes first).
          onSelect={() => router.history.push("/me/report")}
        >
          <FileBarChart aria-hidden />
          {t("meReport.menu")}
        </DropdownMenuItem>
        <DropdownMenuItem data-testid="menu-news" onSelect={() => router.history.push(NEWS_PATH)}>
          <Newspaper aria-hidden />
          {t("news.menu")}
        </DropdownMenuItem>
        {hasCapability(me, "users:manage") ? (
          <DropdownMenuItem asChild>
            <Link to="/admin/users" data-testid="menu-users">
              <UserCog aria-hidden />
              {t("userMenu.users")}
            </Link>
          </DropdownMenuItem>
        ) : null}
        {hasCapability(me, "api_keys:manage") ? (
          <DropdownMenuItem asChild>
            <Link to="/admin/api-keys" data-testid="menu-api-keys">
              <KeyRound aria-hidden />
              {t("userMenu.apiKeys")}
            </Link>
          </DropdownMenuItem>
        ) : null}
        {hasCapability(me, "user_events:read") ? (
          <DropdownMenuItem
            data-testid="menu-user-events"
            // An untyped child route (features/user-events/routes): pushed on select.
            onSelect={() => router.history.push("/admin/user-events")}
          >
            <History aria-hidden />
            {t("userEvents.menu")}
          </DropdownMenuItem>
        ) : null}
        {hasCapability(me, "kpi_targets:manage") ? (
          <DropdownMenuItem
            data-testid="menu-kpi-targets"
            // A child of the untyped KPI routes: pushed on select (the menu closes first).
            onSelect={() => router.history.push("/kpi/targets")}
          >
            <Goal aria-hidden />
            {t("kpi.targets.menu")}
          </DropdownMenuItem>
        ) : null}
        {canImport ? (
          <DropdownMenuItem asChild>
            <Link to="/imports" data-testid="menu-imports">
              <FileUp aria-hidden />
              {t("imports.menu")}
            </Link>
          </DropdownMenuItem>
        ) : null}
        <DropdownMenuSeparator />
        <DropdownMenuLabel className="flex items-center gap-2">
          <Languages aria-hidden className="size-3.5" />
          {t("userMenu.language")}
        </DropdownMenuLabel>
        <DropdownMenuRadioGroup value={i.language} onValueChange={switchLanguage}>
          {LANGUAGES.map((lng) => (
            <DropdownMenuRadioItem key={lng} value={lng} data-testid={`lang-${lng}`} lang={lng}>
              {t(`language.${lng}`)}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
        <DropdownMenuSeparator />
        <DropdownMenuItem
          data-testid="menu-logout"
          onSelect={() =>
            logout.mutate(undefined, {
              onSettled: () => void navigate({ to: "/login", search: {}, replace: true }),
            })
          }
        >
          <LogOut aria-hidden />
          {t("userMenu.logout")}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
