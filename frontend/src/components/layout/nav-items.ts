import {
  BarChart3,
  Gauge,
  Headset,
  LayoutDashboard,
  Users,
  Wallet,
  type LucideIcon,
} from "lucide-react";
import type { MenuKey } from "@/features/auth/access";

export interface NavItem {
  key: MenuKey;
  to: "/" | "/kpi" | "/crm" | "/ticketing" | "/dso";
  icon: LucideIcon;
  labelKey: `nav.${MenuKey}`;
}

export const NAV_ITEMS: Record<MenuKey, NavItem> = {
  dashboard: { key: "dashboard", to: "/", icon: LayoutDashboard, labelKey: "nav.dashboard" },
  kpi: { key: "kpi", to: "/kpi", icon: Gauge, labelKey: "nav.kpi" },
  crm: { key: "crm", to: "/crm", icon: Users, labelKey: "nav.crm" },
  ticketing: { key: "ticketing", to: "/ticketing", icon: Headset, labelKey: "nav.ticketing" },
  dso: { key: "dso", to: "/dso", icon: Wallet, labelKey: "nav.dso" },
};

export const BrandIcon = BarChart3;
