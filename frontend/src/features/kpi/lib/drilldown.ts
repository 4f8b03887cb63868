/**
 * Where an AUTO actual's rows are listed in the SPA: the API names a resource, the days
 * of the period and, for one user, their id; each list page takes what its URL filters
 * know (a date range, an owner) and the rest is left out rather than guessed.
 */
import type { DrilldownResource, Menu } from "@/api/enums.gen";
import { isKeyOf } from "@/lib/enums";
import { stringifySearchParams } from "@/lib/search-params";

export interface DrilldownTarget {
  from: string;
  to: string;
  user_id?: string | null | undefined;
}

interface Link {
  path: string;
  menu: Menu;
  search: (d: DrilldownTarget, today: string) => Record<string, string | undefined>;
}

const range = (d: DrilldownTarget) => ({ from: d.from, to: d.to });
const owner = (d: DrilldownTarget) => ({ owner: d.user_id ?? undefined });

/**
 * Leads are credited to their marketing owner; the leads page filters by sales owner,
 * so only the days go along. Customers and the pipeline have no date filter.
 */
const LINKS = {
  leads: { path: "/crm/leads", menu: "crm", search: range },
  customers: { path: "/crm/customers", menu: "crm", search: owner },
  activities: {
    path: "/crm/activities",
    menu: "crm",
    search: (d) => ({ ...range(d), ...owner(d) }),
  },
  prospects: { path: "/crm/pipeline", menu: "crm", search: owner },
  marketing_spend: { path: "/crm/marketing", menu: "crm", search: range },
  marketing_events: {
    path: "/crm/marketing",
    menu: "crm",
    search: (d) => ({ tab: "events", ...range(d) }),
  },
  invoices: { path: "/dso/invoices", menu: "dso", search: range },
  payments: { path: "/dso/payments", menu: "dso", search: range },
  // The open invoices as of the period's end (today's when the period is still running).
  ar_outstanding: {
    path: "/dso",
    menu: "dso",
    search: (d, today) => ({ as_of: d.to < today ? d.to : undefined }),
  },
  tickets: { path: "/ticketing/tickets", menu: "ticketing", search: range },
} as const satisfies Record<DrilldownResource, Link>;

/** The page (and the menu it needs) listing the rows behind an actual; null if unknown. */
export function drilldownLink(
  resource: string,
  target: DrilldownTarget,
  today: string,
): { href: string; menu: Menu } | null {
  if (!isKeyOf(LINKS, resource)) return null;
  const link: Link = LINKS[resource];
  return {
    href: `${link.path}${stringifySearchParams(link.search(target, today))}`,
    menu: link.menu,
  };
}
