/** The URL keys of the scorecard and chart pages (a light module: the route tree reads it). */
export const KPI_SEARCH_KEYS = ["period", "scope", "view", "metric"] as const;

/** The URL keys of the period close page (super admin's department filter). */
export const PERIODS_SEARCH_KEYS = ["dept"] as const;
