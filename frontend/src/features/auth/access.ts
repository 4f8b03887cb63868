import type { Me } from "@/api/types";

/** Top-level menus, in the order the sidebar shows them (SPEC §3). */
export const MENU_ORDER = ["dashboard", "kpi", "crm", "ticketing", "dso"] as const;
export type MenuKey = (typeof MENU_ORDER)[number];

export type Capability = "users:manage" | "api_keys:manage" | "audit:read";

export function visibleMenus(me: Pick<Me, "menus">): MenuKey[] {
  return MENU_ORDER.filter((m) => me.menus.includes(m));
}

export function hasMenu(me: Pick<Me, "menus">, menu: MenuKey): boolean {
  return me.menus.includes(menu);
}

export function hasCapability(me: Pick<Me, "capabilities">, capability: Capability): boolean {
  return me.capabilities.includes(capability);
}

/** Only same-origin paths are accepted as a post-login redirect. */
export function safeRedirect(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) return "/";
  if (value.startsWith("/login")) return "/";
  return value;
}
