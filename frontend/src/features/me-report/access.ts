/**
 * Who keeps a to-do list the dashboard shows; mirrors the API (domain::me_report::keeps_tasks):
 * everyone who writes tasks (not the read-only director) and whose task list can show the
 * tasks' customers — the CRM and DSO roles.
 */
import type { Me } from "@/api/types";
import { hasMenu } from "@/features/auth/access";

export function keepsTasks(me: Pick<Me, "role" | "menus">): boolean {
  return me.role !== "director" && (hasMenu(me, "crm") || hasMenu(me, "dso"));
}
