import type { ReactNode } from "react";
import { ForbiddenState } from "@/components/states/states";
import { hasCapability, hasMenu, type Capability, type MenuKey } from "./access";
import { useMe } from "./api";

/** Renders children only for roles whose menus include `menu`; others get a 403 page. */
export function RequireMenu({ menu, children }: { menu: MenuKey; children: ReactNode }) {
  const me = useMe();
  return hasMenu(me, menu) ? children : <ForbiddenState />;
}

export function RequireCapability({
  capability,
  children,
}: {
  capability: Capability;
  children: ReactNode;
}) {
  const me = useMe();
  return hasCapability(me, capability) ? children : <ForbiddenState />;
}
