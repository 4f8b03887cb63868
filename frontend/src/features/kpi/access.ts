/**
 * What a role may do in the KPI pages; mirrors the API (domain::kpi, the RLS functions
 * kpi_may_view / kpi_may_manage): the server decides, the UI only hides what would be
 * refused (hidden, not disabled).
 */
import type { Department, Role } from "@/api/enums.gen";
import type { Me } from "@/api/types";
import { hasCapability, hasMenu } from "@/features/auth/access";
import { isKeyOf, isOneOf } from "@/lib/enums";

/** A role as the API sends it (a role newer than this SPA is refused everything). */
type RoleName = Me["role"];

/** The department whose metrics' targets a role sets (super admin: all of them). */
const MANAGED_DEPT = {
  marketing_manager: "MKT",
  sales_manager: "SAL",
  finance_manager: "FIN",
  cs_admin: "CS",
} as const satisfies Partial<Record<Role, Department>>;

/**
 * The department whose periods a role closes and reopens (KPI-5): the managers who set
 * the whole department's targets. The sales manager (their team's only) closes nothing.
 */
const CLOSES_DEPT = {
  marketing_manager: "MKT",
  finance_manager: "FIN",
  cs_admin: "CS",
} as const satisfies Partial<Record<Role, Department>>;

/** Read everything, company and every department included. */
const READS_ALL = ["super_admin", "director"] as const satisfies readonly Role[];

export function managedDept(role: RoleName): Department | null {
  return isKeyOf(MANAGED_DEPT, role) ? MANAGED_DEPT[role] : null;
}

export function readsAllKpi(role: RoleName): boolean {
  return isOneOf(READS_ALL, role);
}

/** Sees the KPI menu (scorecards, charts, entries). */
export function seesKpi(me: Pick<Me, "menus">): boolean {
  return hasMenu(me, "kpi");
}

/** Opens the target admin (the capability; CS admin has it without the KPI menu). */
export function managesTargets(me: Pick<Me, "capabilities">): boolean {
  return hasCapability(me, "kpi_targets:manage");
}

/**
 * Sets (and changes, splits, deletes) a target of a metric of `metricDept` for an
 * assignee of `kind`: super admin all; department managers their department's
 * metrics; the sales manager only for users and teams (their own team, RLS checks).
 */
export function maySetTarget(role: RoleName, metricDept: string, kind: string): boolean {
  if (role === "super_admin") return true;
  if (managedDept(role) !== metricDept) return false;
  return role !== "sales_manager" || kind === "user" || kind === "team";
}

/**
 * Enters a value of a metric of `metricDept`: for anyone when the role manages the
 * department, else only for themselves and only their own department's metrics.
 * The director writes nothing.
 */
export function entryRights(
  me: Pick<Me, "role" | "dept">,
  metricDept: string,
): "any" | "self" | "none" {
  if (me.role === "director") return "none";
  if (me.role === "super_admin" || managedDept(me.role) === metricDept) return "any";
  return me.dept === metricDept ? "self" : "none";
}

/**
 * Closes and reopens periods (KPI-5): the target admins who set a whole department's
 * targets — super admin (every department) and the marketing, finance and CS managers.
 */
export function closesPeriods(me: Pick<Me, "role" | "capabilities">): boolean {
  if (!managesTargets(me)) return false;
  return me.role === "super_admin" || isKeyOf(CLOSES_DEPT, me.role);
}

/** The department whose periods a role closes; null for super admin (any) and the rest. */
export function closingDept(role: RoleName): Department | null {
  return isKeyOf(CLOSES_DEPT, role) ? CLOSES_DEPT[role] : null;
}
