/**
 * What a role may do in the receivables pages; mirrors the API (domain::ar): the server
 * decides, the UI only hides what would be refused (hidden, not disabled).
 */
import type { Role } from "@/api/enums.gen";
import type { Me } from "@/api/types";
import { isOneOf } from "@/lib/enums";

/** A role as the API sends it (a role newer than this SPA is refused everything). */
type RoleName = Me["role"];

/** Record invoices and payments, void invoices (`writes_ar`). */
const AR_WRITERS = [
  "super_admin",
  "finance_manager",
  "finance_staff",
] as const satisfies readonly Role[];

/** Chase their own customers: "Piutang pelanggan saya" (DSO-3). */
const CUSTOMER_OWNERS = ["sales_manager", "salesperson"] as const satisfies readonly Role[];

export function writesAr(role: RoleName): boolean {
  return isOneOf(AR_WRITERS, role);
}

/** Opens collection tickets (DSO-4): the writers and the sales roles, not the director. */
export function opensCollectionTickets(role: RoleName): boolean {
  return writesAr(role) || isOneOf(CUSTOMER_OWNERS, role);
}

/** Sees "my customers' AR" (customers owned through customers, prospects or leads). */
export function ownsCustomers(role: RoleName): boolean {
  return isOneOf(CUSTOMER_OWNERS, role);
}
