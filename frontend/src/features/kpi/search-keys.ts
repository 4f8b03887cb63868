/** The URL keys of the scorecard and chart pages (a light module: the route tree reads it). */
export const KPI_SEARCH_KEYS = ["period", "scope", "view", "metric"] as const;
