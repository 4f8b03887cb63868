import type { TableConfig } from "@/lib/table-state";

export type LeadsFilter =
  "q" | "status" | "channel" | "owner" | "unassigned" | "from" | "to" | "deleted";

export const LEADS_TABLE: TableConfig<LeadsFilter> = {
  filters: ["q", "status", "channel", "owner", "unassigned", "from", "to", "deleted"],
  // The fields GET /leads can sort by.
  sortable: ["created_at", "lead_code", "company_name", "contact_name", "status", "channel"],
  defaultSort: [{ id: "created_at", desc: true }],
};

export const LEADS_SEARCH_KEYS = [
  "page",
  "per_page",
  "sort",
  "hide",
  ...LEADS_TABLE.filters,
] as const;

/** Lead channel codes (GET /channels is the list the API knows; this is the form's order). */
export const CHANNELS = [
  "website",
  "whatsapp",
  "instagram",
  "instagram_ads",
  "tiktok",
  "tiktok_ads",
  "meta_ads",
  "google_ads",
  "seo",
  "email",
  "referral",
  "event",
  "walk_in",
  "other",
] as const;

/** URL filters (strings) → the typed query of GET /leads. */
export function leadQuery(
  api: { page: number; per_page: number; sort?: string } & Record<
    string,
    string | number | undefined
  >,
) {
  const { unassigned, deleted, ...rest } = api;
  return {
    ...rest,
    ...(unassigned ? { unassigned: unassigned === "true" } : {}),
    ...(deleted === "true" ? { deleted: true } : {}),
  };
}
