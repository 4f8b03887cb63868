import { useCallback, useMemo } from "react";
import {
  parseTableState,
  serializeTableState,
  type SearchRecord,
  type TableConfig,
  type TableSearch,
  type TableState,
} from "@/lib/table-state";

/**
 * Table state read from and written to the URL search params. `navigate` receives
 * the complete search object (non-default values only) and should replace history.
 */
export function useTableUrlState<F extends string>(
  search: SearchRecord,
  config: TableConfig<F>,
  navigate: (search: TableSearch) => void,
): [TableState<F>, (next: TableState<F>) => void] {
  const state = useMemo(() => parseTableState(search, config), [search, config]);
  const setState = useCallback(
    (next: TableState<F>) => navigate(serializeTableState(next, config)),
    [navigate, config],
  );
  return [state, setState];
}
