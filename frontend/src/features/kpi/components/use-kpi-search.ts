/**
 * The period and scope of the scorecard and chart pages, in the URL (`?period=2026-Q4&
 * scope=dept:MKT`): a shared view survives a reload and moves between the two pages.
 */
import { useMe } from "@/features/auth/api";
import { todayInJakarta } from "@/lib/format";
import { useUrlSearch } from "@/lib/url-search";
import { monthOf, periodOrCurrent } from "../lib/period";
import { KPI_SEARCH_KEYS } from "../search-keys";
import { defaultScope, scopeFrom, scopeValue, type Scope } from "../lib/scope";

export function useKpiSearch() {
  const me = useMe();
  const today = todayInJakarta();
  const [search, set] = useUrlSearch(KPI_SEARCH_KEYS);
  const period = periodOrCurrent(search.period, today);
  const scope = scopeFrom(search.scope, me);
  const fallback = scopeValue(defaultScope(me));
  return {
    me,
    today,
    period,
    scope,
    search,
    set,
    setPeriod: (next: string) => set({ period: next === monthOf(today) ? undefined : next }),
    setScope: (next: Scope) => {
      const value = scopeValue(next);
      set({ scope: value === fallback ? undefined : value });
    },
  };
}

/** `?period=…&scope=…` of the current view, for links between the KPI pages. */
export function kpiViewSearch(search: Partial<Record<"period" | "scope", string>>): string {
  const params = new URLSearchParams();
  if (search.period) params.set("period", search.period);
  if (search.scope) params.set("scope", search.scope);
  const s = params.toString();
  return s ? `?${s}` : "";
}
