/** What a role may do with CRM records; mirrors the API (the server decides). */
import type { Me } from "@/api/types";

type Role = Me["role"];

/** Enters leads through the lead bundle. */
export function createsLeads(role: Role): boolean {
  return [
    "super_admin",
    "marketing_manager",
    "marketing_staff",
    "sales_manager",
    "salesperson",
  ].includes(role);
}

/** Assigns leads, restores deleted records, reviews and merges duplicates. */
export function managesCrm(role: Role): boolean {
  return role === "super_admin" || role === "marketing_manager" || role === "sales_manager";
}

/** Sees the marketing pages. */
export function seesMarketing(role: Role): boolean {
  return ["super_admin", "director", "marketing_manager", "marketing_staff"].includes(role);
}
