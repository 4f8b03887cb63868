/** The URL keys of the CRM Effectiveness page (a light module: the route tree reads it). */
export const WA_DASHBOARD_SEARCH_KEYS = ["from", "to", "agent", "team"] as const;
