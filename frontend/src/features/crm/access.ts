/** What a role may do with CRM records and on the CRM work pages; mirrors the API (the server decides, the UI only hides what would be refused). */
import type { Role } from "@/api/enums.gen";
import type { Me } from "@/api/types";
import { isOneOf } from "@/lib/enums";

/** A role as the API sends it (a string: a role newer than this SPA is refused everything). */
type RoleName = Me["role"];

const LEAD_CREATORS = [
  "super_admin",
  "marketing_manager",
  "marketing_staff",
  "sales_manager",
  "salesperson",
] as const satisfies readonly Role[];

/** Roles that see the marketing pages and read marketing spend (the API's `can_read_spend`). */
export const MARKETING_READERS = [
  "super_admin",
  "director",
  "marketing_manager",
  "marketing_staff",
] as const satisfies readonly Role[];

const ACTIVITY_LOGGERS = [
  "super_admin",
  "marketing_manager",
  "marketing_staff",
  "sales_manager",
  "salesperson",
  "sales_support",
] as const satisfies readonly Role[];

/** Enters leads through the lead bundle. */
export function createsLeads(role: RoleName): boolean {
  return isOneOf(LEAD_CREATORS, role);
}

/** Assigns leads, restores deleted records, reviews and merges duplicates. */
export function managesCrm(role: RoleName): boolean {
  return role === "super_admin" || role === "marketing_manager" || role === "sales_manager";
}

/** Sees the marketing pages. */
export function seesMarketing(role: RoleName): boolean {
  return isOneOf(MARKETING_READERS, role);
}

/** Moves prospects through the pipeline (PATCH prospects/{id}/stage). */
export function worksPipeline(role: RoleName): boolean {
  return role === "super_admin" || role === "sales_manager" || role === "salesperson";
}

/** Logs activities (POST activities). */
export function logsActivities(role: RoleName): boolean {
  return isOneOf(ACTIVITY_LOGGERS, role);
}

/** Writes tasks (the director reads everything and writes nothing). */
export function writesTasks(role: RoleName): boolean {
  return role !== "director";
}

/** Enters marketing spend and events. */
export function entersMarketing(role: RoleName): boolean {
  return role === "super_admin" || role === "marketing_manager" || role === "marketing_staff";
}

export type OwnerScope =
  /** Only their own records: no owner picker. */
  | { kind: "self" }
  /** Their team (sales manager; sales support works for their manager's team). */
  | { kind: "team"; managerId: string }
  /** Everybody's records (directors, super admins, marketing managers). */
  | { kind: "all" };

export function ownerScope(me: Pick<Me, "id" | "role" | "manager_user_id">): OwnerScope {
  switch (me.role) {
    case "sales_manager":
      return { kind: "team", managerId: me.id };
    case "sales_support":
      return me.manager_user_id
        ? { kind: "team", managerId: me.manager_user_id }
        : { kind: "self" };
    case "super_admin":
    case "director":
    case "marketing_manager":
      return { kind: "all" };
    default:
      return { kind: "self" };
  }
}

/** Roles that own prospects, activities and tasks (offered in the owner picker). */
export const SALES_ROLES = ["salesperson", "sales_manager"] as const satisfies readonly Role[];
