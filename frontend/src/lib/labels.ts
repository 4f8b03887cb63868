import type { Role } from "@/api/enums.gen";
import { useEnumLabel, type Labels } from "@/lib/enums";

export const ROLE_LABEL: Labels<Role> = {
  super_admin: "roles.super_admin",
  director: "roles.director",
  marketing_manager: "roles.marketing_manager",
  marketing_staff: "roles.marketing_staff",
  sales_manager: "roles.sales_manager",
  salesperson: "roles.salesperson",
  sales_support: "roles.sales_support",
  ops_exim: "roles.ops_exim",
  ops_domestic: "roles.ops_domestic",
  ops_import_dtd: "roles.ops_import_dtd",
  ops_warehouse: "roles.ops_warehouse",
  finance_manager: "roles.finance_manager",
  finance_staff: "roles.finance_staff",
  cs_admin: "roles.cs_admin",
  cs_agent: "roles.cs_agent",
};

/** Translated role name; unknown roles fall back to the server label or the code. */
export function useRoleLabel(): (role: string, serverLabel?: string) => string {
  return useEnumLabel(ROLE_LABEL);
}
