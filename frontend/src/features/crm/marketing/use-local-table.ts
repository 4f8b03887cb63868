import { useCallback, useState } from "react";
import { DEFAULT_PER_PAGE, type TableState } from "@/lib/table-state";

/**
 * Table state for a list whose filters live in the URL (tab, from, to, platform: the
 * route keeps only those) while page, page size and hidden columns stay in memory.
 * Any change of the filters goes back to page 1. The lists have no sort parameter:
 * the server orders them newest first.
 */
export function useLocalTable<F extends string>(
  filters: Partial<Record<F, string>>,
): [TableState<F>, (next: TableState<F>) => void] {
  const key = JSON.stringify(filters);
  const [local, setLocal] = useState({
    key,
    page: 1,
    perPage: DEFAULT_PER_PAGE,
    hidden: [] as string[],
  });
  const state: TableState<F> = {
    page: local.key === key ? local.page : 1,
    perPage: local.perPage,
    sort: [],
    filters,
    hidden: local.hidden,
  };
  const set = useCallback(
    (next: TableState<F>) =>
      setLocal({ key, page: next.page, perPage: next.perPage, hidden: next.hidden }),
    [key],
  );
  return [state, set];
}
