/**
 * Table state (page, page size, sort, filters, hidden columns) lives in the URL so a
 * view can be shared. These pure functions translate between URL search params, the
 * in-memory state and the API query (`page`, `per_page`, `sort=field,-field`, filters).
 */
export interface SortItem {
  id: string;
  desc: boolean;
}

export interface TableState<F extends string = string> {
  page: number;
  perPage: number;
  sort: SortItem[];
  filters: Partial<Record<F, string>>;
  hidden: string[];
}

export interface TableConfig<F extends string = string> {
  /** Filter keys, used as-is for URL and API query parameters. */
  filters: readonly F[];
  /** Sortable API fields; anything else in `sort` is dropped. Undefined = any, [] = none. */
  sortable?: readonly string[];
  defaultSort?: SortItem[];
  defaultPerPage?: number;
}

/** URL search params as the router hands them over (see lib/search-params). */
export type SearchRecord = Record<string, unknown>;
export type TableSearch = Record<string, string | undefined>;

export const PER_PAGE_OPTIONS = [10, 25, 50, 100] as const;
export const MAX_PER_PAGE = 200;
export const DEFAULT_PER_PAGE = 25;
const RESERVED = new Set(["page", "per_page", "sort", "hide"]);

function str(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

function positiveInt(value: unknown): number | undefined {
  const s = str(value);
  if (s === undefined || !/^\d+$/.test(s.trim())) return undefined;
  const n = Number(s);
  return n >= 1 && Number.isSafeInteger(n) ? n : undefined;
}

/** `"name,-created_at"` → `[{id:"name",desc:false},{id:"created_at",desc:true}]`. */
export function parseSort(value: unknown, sortable?: readonly string[]): SortItem[] {
  const s = str(value);
  if (!s) return [];
  const seen = new Set<string>();
  const out: SortItem[] = [];
  for (const raw of s.split(",")) {
    const token = raw.trim();
    const desc = token.startsWith("-");
    const id = token.replace(/^[-+]/, "");
    if (!/^[a-z_][a-z0-9_.]*$/i.test(id) || seen.has(id)) continue;
    if (sortable && !sortable.includes(id)) continue;
    seen.add(id);
    out.push({ id, desc });
  }
  return out;
}

export function serializeSort(sort: readonly SortItem[]): string {
  return sort.map((s) => (s.desc ? `-${s.id}` : s.id)).join(",");
}

function sameSort(a: readonly SortItem[], b: readonly SortItem[]): boolean {
  return serializeSort(a) === serializeSort(b);
}

export function parseTableState<F extends string>(
  search: SearchRecord,
  config: TableConfig<F>,
): TableState<F> {
  const defaultPerPage = config.defaultPerPage ?? DEFAULT_PER_PAGE;
  const perPage = positiveInt(search.per_page);
  const filters: Partial<Record<F, string>> = {};
  for (const key of config.filters) {
    if (RESERVED.has(key)) continue;
    const v = str(search[key])?.trim();
    if (v) filters[key] = v;
  }
  const hide = str(search.hide);
  return {
    page: positiveInt(search.page) ?? 1,
    perPage: perPage !== undefined && perPage <= MAX_PER_PAGE ? perPage : defaultPerPage,
    sort:
      search.sort === undefined
        ? (config.defaultSort ?? [])
        : parseSort(search.sort, config.sortable),
    filters,
    hidden: hide
      ? [
          ...new Set(
            hide
              .split(",")
              .map((h) => h.trim())
              .filter(Boolean),
          ),
        ]
      : [],
  };
}

/** The inverse of parseTableState: only non-default values reach the URL. */
export function serializeTableState<F extends string>(
  state: TableState<F>,
  config: TableConfig<F>,
): TableSearch {
  const out: TableSearch = {};
  for (const key of config.filters) {
    const v = state.filters[key]?.trim();
    if (v) out[key] = v;
  }
  if (!sameSort(state.sort, config.defaultSort ?? [])) out.sort = serializeSort(state.sort);
  if (state.page > 1) out.page = String(state.page);
  if (state.perPage !== (config.defaultPerPage ?? DEFAULT_PER_PAGE))
    out.per_page = String(state.perPage);
  if (state.hidden.length > 0) out.hide = state.hidden.join(",");
  return out;
}

/** Query parameters for a list endpoint. */
export function toApiQuery<F extends string>(
  state: TableState<F>,
): { page: number; per_page: number; sort?: string } & Partial<Record<F, string>> {
  const sort = serializeSort(state.sort);
  return {
    ...state.filters,
    page: state.page,
    per_page: state.perPage,
    ...(sort ? { sort } : {}),
  };
}

/** Changing a filter goes back to page 1 (the old page may not exist any more). */
export function withFilter<F extends string>(
  state: TableState<F>,
  key: NoInfer<F>,
  value: string | undefined,
): TableState<F> {
  const v = value?.trim();
  const rest = Object.fromEntries(
    Object.entries(state.filters).filter(([k]) => k !== key),
  ) as Partial<Record<F, string>>;
  return { ...state, filters: v ? { ...rest, [key]: v } : rest, page: 1 };
}

export function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, perPage)));
}

/**
 * Pages to offer for a list: every counted page and, when the server stopped counting
 * (`total_capped`), one more while the current page came back full.
 */
export function pagesFor(
  total: number,
  perPage: number,
  page: number,
  shown: number,
  capped: boolean,
): number {
  const counted = pageCount(total, perPage);
  return capped ? Math.max(counted, page + (shown === perPage ? 1 : 0)) : counted;
}
