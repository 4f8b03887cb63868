import { MENU_VALUES, type Capability, type Menu } from "@/api/enums.gen";
import type { Me } from "@/api/types";

export type { Capability };
/** A top-level menu; the API lists them in the order the sidebar shows them (SPEC §3). */
export type MenuKey = Menu;

export function visibleMenus(me: Pick<Me, "menus">): MenuKey[] {
  return MENU_VALUES.filter((m) => me.menus.includes(m));
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
