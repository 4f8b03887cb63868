/**
 * The plumbing every server-driven list page shares: table state (page, page size,
 * sort, filters, hidden columns) in the URL search params, the TanStack Query for
 * the current page, the props DataTable needs, and the export of the list.
 */
import { useQuery, type QueryKey, type UseQueryOptions } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import type { DataTableProps } from "@/components/data-table/data-table";
import { useTableUrlState } from "@/components/data-table/use-table-url-state";
import { toApiQuery, withFilter, type TableConfig, type TableState } from "@/lib/table-state";
import { useRawSearch } from "@/lib/url-search";

/** A page of a list endpoint (GET /tickets, /leads, /users, …). */
export interface ListPage<Row> {
  data: Row[];
  total: number;
  total_capped?: boolean | undefined;
}

/** The API query the table state asks for: page, per_page, sort and the filters. */
export type ApiListQuery<F extends string> = ReturnType<typeof toApiQuery<F>>;

export interface ListExport<F extends string, Row, Q> {
  /** The rows of the page shown. */
  rows: Row[] | undefined;
  /** The endpoint's query, and the plain table query it was made from. */
  query: Q;
  api: ApiListQuery<F>;
  state: TableState<F>;
}

type RowOf<Data extends ListPage<unknown>> = Data["data"][number];

export interface ListPageOptions<
  F extends string,
  Data extends ListPage<unknown>,
  Q,
  K extends QueryKey,
> {
  /** Filters and sortable fields of the list (the URL keys). */
  table: TableConfig<F>;
  /** The endpoint's query from the URL state (default: page, per_page, sort, filters). */
  toQuery?: (api: ApiListQuery<F>, state: TableState<F>) => Q;
  /** Query options of the endpoint for that query (e.g. `leadsQueryOptions`). */
  queryOptions: (query: Q) => UseQueryOptions<Data, Error, Data, K>;
  columns: DataTableProps<RowOf<Data>, F>["columns"];
  getRowId: (row: RowOf<Data>) => string;
  /** Downloads the list (CSV of the rows shown, or a server export of the query). */
  exportList?: (list: ListExport<F, RowOf<Data>, Q>) => void | Promise<void>;
  /** An export that failed (a server export can be refused). */
  onExportError?: (error: unknown) => void;
}

export function useListPage<
  F extends string,
  Data extends ListPage<unknown>,
  K extends QueryKey,
  Q = ApiListQuery<F>,
>({
  table,
  toQuery,
  queryOptions,
  columns,
  getRowId,
  exportList,
  onExportError,
}: ListPageOptions<F, Data, Q, K>) {
  const [raw, go] = useRawSearch();
  const [state, setState] = useTableUrlState(raw, table, go);
  const api = toApiQuery(state);
  const query = toQuery ? toQuery(api, state) : (api as Q);
  const result = useQuery(queryOptions(query));
  const rows = result.data?.data as RowOf<Data>[] | undefined;
  const [exporting, setExporting] = useState(false);

  /** One filter changed (back to page 1); undefined or blank removes it. */
  const setFilter = (key: F, value: string | undefined) => setState(withFilter(state, key, value));
  /** Several filters at once (a date range's `from` and `to`). */
  const setFilters = (patch: Partial<Record<F, string | undefined>>) =>
    setState(
      Object.entries(patch).reduce(
        (next, [key, value]) => withFilter(next, key as F, value as string | undefined),
        state,
      ),
    );
  const clearFilters = () => setState({ ...state, page: 1, filters: {} });

  const runExport = useCallback(
    (list: ListExport<F, RowOf<Data>, Q>) => {
      if (!exportList) return;
      const pending = exportList(list);
      if (!(pending instanceof Promise)) return;
      setExporting(true);
      pending.catch((error: unknown) => onExportError?.(error)).finally(() => setExporting(false));
    },
    [exportList, onExportError],
  );
  const exportRows = () => runExport({ rows, query, api, state });

  const dataTable = {
    columns,
    rows,
    total: result.data?.total ?? 0,
    totalCapped: result.data?.total_capped,
    state,
    onStateChange: setState,
    getRowId,
    sortable: table.sortable,
    isLoading: result.isLoading,
    isFetching: result.isFetching,
    error: result.error,
    onRetry: () => void result.refetch(),
    onClearFilters: clearFilters,
  } satisfies Partial<DataTableProps<RowOf<Data>, F>>;

  return {
    state,
    setState,
    setFilter,
    setFilters,
    clearFilters,
    query,
    result,
    rows,
    exportRows,
    exporting,
    /** Spread into <DataTable> (add caption, filters, actions and the empty state). */
    dataTable,
  };
}
