import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
  type Updater,
  type VisibilityState,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { useMemo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState, ErrorState } from "@/components/states/states";
import { Skeleton } from "@/components/ui/skeleton";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { pagesFor, type TableState } from "@/lib/table-state";
import { cn } from "@/lib/utils";
import "./column-meta";
import { ColumnToggle } from "./column-toggle";
import { Pagination } from "./pagination";

export interface DataTableProps<T, F extends string> {
  /** Column ids are API field names: they are what `sort=` sends. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TanStack column value types vary per column
  columns: ColumnDef<T, any>[];
  rows: T[] | undefined;
  total: number;
  /** The server stopped counting at `total` (PLT-PAGE `total_capped`): more pages follow. */
  totalCapped?: boolean | undefined;
  state: TableState<F>;
  onStateChange: (next: TableState<F>) => void;
  getRowId: (row: T) => string;
  /** API fields the server can sort by; other columns get no sort control. */
  sortable?: readonly string[] | undefined;
  caption: string;
  isLoading: boolean;
  isFetching?: boolean;
  error?: unknown;
  onRetry?: () => void;
  /** Filter controls shown in the toolbar. */
  filters?: ReactNode;
  /** Export (and similar) actions, right side of the toolbar. */
  actions?: ReactNode;
  /** Shown when there is no row and no filter. */
  empty?: ReactNode;
  onClearFilters?: () => void;
}

function resolve<S>(updater: Updater<S>, old: S): S {
  return typeof updater === "function" ? (updater as (o: S) => S)(old) : updater;
}

/**
 * Server-driven table: sorting (shift+click for several columns), pagination and
 * column visibility are controlled by `state`, which the caller keeps in the URL.
 */
export function DataTable<T, F extends string>({
  columns,
  rows,
  total,
  totalCapped = false,
  state,
  onStateChange,
  getRowId,
  sortable,
  caption,
  isLoading,
  isFetching = false,
  error,
  onRetry,
  filters,
  actions,
  empty,
  onClearFilters,
}: DataTableProps<T, F>) {
  const { t } = useTranslation();
  const sorting: SortingState = state.sort;
  const columnVisibility = useMemo<VisibilityState>(
    () => Object.fromEntries(state.hidden.map((id) => [id, false])),
    [state.hidden],
  );
  const data = useMemo(() => rows ?? [], [rows]);
  const tableColumns = useMemo(
    () =>
      sortable
        ? columns.map((c) => {
            const id = c.id ?? (c as { accessorKey?: string }).accessorKey;
            return id && sortable.includes(id) ? c : { ...c, enableSorting: false };
          })
        : columns,
    [columns, sortable],
  );

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table is not memo-safe; the component is not compiled
  const table = useReactTable({
    data,
    columns: tableColumns,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    enableMultiSort: true,
    enableSortingRemoval: true,
    isMultiSortEvent: (e) => (e as { shiftKey?: boolean }).shiftKey === true,
    rowCount: total,
    state: {
      sorting,
      columnVisibility,
      pagination: { pageIndex: state.page - 1, pageSize: state.perPage },
    },
    onSortingChange: (u) =>
      onStateChange({
        ...state,
        sort: resolve(u, sorting).map(({ id, desc }) => ({ id, desc })),
        page: 1,
      }),
    onColumnVisibilityChange: (u) => {
      const next = resolve(u, columnVisibility);
      onStateChange({
        ...state,
        hidden: Object.entries(next)
          .filter(([, visible]) => !visible)
          .map(([id]) => id),
      });
    },
  });

  const hasFilters = Object.keys(state.filters).length > 0;
  const pages = pagesFor(total, state.perPage, state.page, data.length, totalCapped);
  const visibleColumns = table.getVisibleLeafColumns().length;

  let body: ReactNode;
  if (isLoading) {
    body = Array.from({ length: Math.min(state.perPage, 8) }, (_, i) => (
      <TableRow key={`skeleton-${i}`} className="hover:bg-transparent">
        {table.getVisibleLeafColumns().map((c) => (
          <TableCell key={c.id}>
            <Skeleton className="h-4 w-full max-w-40" />
          </TableCell>
        ))}
      </TableRow>
    ));
  } else if (error) {
    body = (
      <TableRow className="hover:bg-transparent">
        <TableCell colSpan={visibleColumns} className="p-4">
          <ErrorState error={error} onRetry={onRetry} className="border-0" />
        </TableCell>
      </TableRow>
    );
  } else if (data.length === 0) {
    body = (
      <TableRow className="hover:bg-transparent">
        <TableCell colSpan={visibleColumns} className="p-4">
          {hasFilters || !empty ? (
            <EmptyState
              className="border-0"
              title={t("table.noResults")}
              description={hasFilters ? t("table.noResultsHint") : undefined}
              action={
                hasFilters && onClearFilters ? (
                  <button
                    type="button"
                    className="text-sm font-medium text-navy-600 underline underline-offset-4"
                    onClick={onClearFilters}
                  >
                    {t("table.clearFilters")}
                  </button>
                ) : null
              }
            />
          ) : (
            empty
          )}
        </TableCell>
      </TableRow>
    );
  } else {
    body = table.getRowModel().rows.map((row) => (
      <TableRow key={row.id} data-row-id={row.id} className="group">
        {row.getVisibleCells().map((cell) => {
          const meta = cell.column.columnDef.meta;
          return (
            <TableCell
              key={cell.id}
              className={cn(
                meta?.align === "right" && "text-right",
                meta?.stickyRight && "sticky right-0 bg-surface group-hover:bg-slate-50",
                meta?.className,
              )}
            >
              {flexRender(cell.column.columnDef.cell, cell.getContext())}
            </TableCell>
          );
        })}
      </TableRow>
    ));
  }

  return (
    <div className="rounded-lg border border-border bg-surface shadow-xs">
      <div className="flex flex-wrap items-end gap-3 border-b border-border p-3">
        <div className="flex min-w-0 flex-1 flex-wrap items-end gap-3">{filters}</div>
        <div className="flex items-center gap-2">
          {isFetching && !isLoading ? (
            <span className="text-xs text-muted" role="status">
              {t("table.updating")}
            </span>
          ) : null}
          {actions}
          <ColumnToggle table={table} />
        </div>
      </div>
      <Table aria-busy={isLoading || isFetching}>
        <TableCaption>{caption}</TableCaption>
        <TableHeader>
          {table.getHeaderGroups().map((group) => (
            <TableRow key={group.id} className="hover:bg-transparent">
              {group.headers.map((header) => {
                const column = header.column;
                const meta = column.columnDef.meta;
                const sorted = column.getIsSorted();
                const canSort = column.getCanSort();
                const sortIndex = column.getSortIndex();
                return (
                  <TableHead
                    key={header.id}
                    aria-sort={
                      sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined
                    }
                    className={cn(
                      meta?.align === "right" && "text-right",
                      meta?.stickyRight && "sticky right-0 z-10 bg-slate-50",
                      meta?.className,
                    )}
                  >
                    {header.isPlaceholder ? null : canSort ? (
                      <button
                        type="button"
                        onClick={column.getToggleSortingHandler()}
                        title={t("table.sortHint")}
                        aria-label={t("table.sortBy", { column: meta?.label ?? column.id })}
                        className="-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 uppercase hover:bg-slate-200/70"
                      >
                        {flexRender(column.columnDef.header, header.getContext())}
                        {sorted === "asc" ? (
                          <ArrowUp aria-hidden className="size-3.5" />
                        ) : sorted === "desc" ? (
                          <ArrowDown aria-hidden className="size-3.5" />
                        ) : (
                          <ArrowUpDown aria-hidden className="size-3.5 text-slate-500" />
                        )}
                        {sorted && sorting.length > 1 ? (
                          <span className="text-[10px] text-slate-600">{sortIndex + 1}</span>
                        ) : null}
                      </button>
                    ) : (
                      flexRender(column.columnDef.header, header.getContext())
                    )}
                  </TableHead>
                );
              })}
            </TableRow>
          ))}
        </TableHeader>
        <TableBody>{body}</TableBody>
      </Table>
      <Pagination
        page={state.page}
        pages={pages}
        perPage={state.perPage}
        total={total}
        totalCapped={totalCapped}
        shown={data.length}
        onPage={(page) => onStateChange({ ...state, page })}
        onPerPage={(perPage) => onStateChange({ ...state, perPage, page: 1 })}
      />
    </div>
  );
}
