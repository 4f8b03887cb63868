/**
 * The page's filters in the URL (`?from=2026-11-08&to=2026-12-07&agent=<uuid>`): the
 * period (ISO days; absent = the last 7 days), one agent or one team (a manager's id).
 * A CS agent's own figures need no filter: theirs are all the API gives them.
 */
import { useMe } from "@/features/auth/api";
import { todayInJakarta } from "@/lib/format";
import { useUrlSearch } from "@/lib/url-search";
import { picksAgents } from "./access";
import { resolvePeriod } from "./lib/period";
import { WA_DASHBOARD_SEARCH_KEYS } from "./search-keys";
import type { DashboardQuery } from "./types";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function useDashboardSearch() {
  const me = useMe();
  const today = todayInJakarta();
  const [search, set] = useUrlSearch(WA_DASHBOARD_SEARCH_KEYS);
  const period = resolvePeriod(search, today);
  const scoped = picksAgents(me.role);
  const agent = scoped && UUID.test(search.agent ?? "") ? search.agent : undefined;
  const team = scoped && !agent && UUID.test(search.team ?? "") ? search.team : undefined;
  const query: DashboardQuery | null = period.problem
    ? null
    : {
        from: period.from,
        to: period.to,
        ...(agent ? { agent_id: agent } : {}),
        ...(team ? { team } : {}),
      };
  return {
    me,
    today,
    period,
    agent,
    team,
    query,
    search,
    setPeriod: (from: string | undefined, to: string | undefined) => set({ from, to }),
    // One agent or one team: picking one clears the other.
    setAgent: (id: string | undefined) => set({ agent: id, team: undefined }),
    setTeam: (id: string | undefined) => set({ team: id, agent: undefined }),
  };
}
