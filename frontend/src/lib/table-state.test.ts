import { describe, expect, it } from "vitest";
import { parseSearchParams, pickStringParams, stringifySearchParams } from "./search-params";
import {
  pageCount,
  pagesFor,
  parseSort,
  parseTableState,
  serializeSort,
  serializeTableState,
  toApiQuery,
  withFilter,
  type TableConfig,
} from "./table-state";

const config: TableConfig<"q" | "role" | "is_active"> = {
  filters: ["q", "role", "is_active"],
  sortable: ["full_name", "email", "created_at"],
  defaultSort: [{ id: "created_at", desc: true }],
};

describe("sort param", () => {
  it("parses field,-field", () => {
    expect(parseSort("full_name,-created_at")).toEqual([
      { id: "full_name", desc: false },
      { id: "created_at", desc: true },
    ]);
  });

  it("drops unknown, duplicate and malformed fields", () => {
    expect(parseSort("email,-email,password,;drop,", config.sortable)).toEqual([
      { id: "email", desc: false },
    ]);
    expect(parseSort(undefined)).toEqual([]);
  });

  it("an empty sortable list allows no sort at all", () => {
    expect(parseSort("name,-created_at", [])).toEqual([]);
  });

  it("round-trips", () => {
    expect(serializeSort(parseSort("-a,b,-c"))).toBe("-a,b,-c");
  });
});

describe("parseTableState", () => {
  it("applies defaults for an empty URL", () => {
    expect(parseTableState({}, config)).toEqual({
      page: 1,
      perPage: 25,
      sort: [{ id: "created_at", desc: true }],
      filters: {},
      hidden: [],
    });
  });

  it("reads every part from the URL", () => {
    const state = parseTableState(
      {
        page: "3",
        per_page: "50",
        sort: "email",
        q: " budi ",
        role: "salesperson",
        is_active: "true",
        hide: "dept,manager_name",
        unrelated: "x",
      },
      config,
    );
    expect(state).toEqual({
      page: 3,
      perPage: 50,
      sort: [{ id: "email", desc: false }],
      filters: { q: "budi", role: "salesperson", is_active: "true" },
      hidden: ["dept", "manager_name"],
    });
  });

  it("rejects invalid page and page size", () => {
    const s = parseTableState({ page: "-2", per_page: "5000" }, config);
    expect(s.page).toBe(1);
    expect(s.perPage).toBe(25);
    expect(parseTableState({ page: "abc", per_page: "0" }, config).page).toBe(1);
  });

  it("an explicitly empty sort clears the default sort", () => {
    expect(parseTableState({ sort: "" }, config).sort).toEqual([]);
  });
});

describe("serializeTableState", () => {
  it("omits defaults", () => {
    expect(serializeTableState(parseTableState({}, config), config)).toEqual({});
  });

  it("is the inverse of parseTableState", () => {
    const search = {
      q: "budi",
      role: "cs_agent",
      sort: "-full_name,email",
      page: "2",
      per_page: "100",
      hide: "dept",
    };
    expect(serializeTableState(parseTableState(search, config), config)).toEqual(search);
  });

  it("survives a trip through the URL string", () => {
    const state = withFilter(parseTableState({}, config), "q", "a&b=c ?");
    const url = stringifySearchParams(serializeTableState(state, config));
    expect(url).toBe("?q=a%26b%3Dc+%3F");
    expect(parseTableState(parseSearchParams(url), config)).toEqual(state);
  });
});

describe("API query and helpers", () => {
  it("builds the list query", () => {
    const state = parseTableState(
      { role: "director", sort: "email,-created_at", page: "2" },
      config,
    );
    expect(toApiQuery(state)).toEqual({
      role: "director",
      page: 2,
      per_page: 25,
      sort: "email,-created_at",
    });
    expect(toApiQuery(parseTableState({ sort: "" }, config))).not.toHaveProperty("sort");
  });

  it("changing a filter resets the page", () => {
    const state = parseTableState({ page: "4", role: "director" }, config);
    const next = withFilter(state, "role", "");
    expect(next.page).toBe(1);
    expect(next.filters).toEqual({});
    expect(withFilter(state, "q", "x").filters).toEqual({ role: "director", q: "x" });
  });

  it("computes page count", () => {
    expect(pageCount(0, 25)).toBe(1);
    expect(pageCount(26, 25)).toBe(2);
    expect(pageCount(50, 25)).toBe(2);
  });
});

describe("search params", () => {
  it("parses and stringifies flat params", () => {
    expect(parseSearchParams("?a=1&b=x%20y")).toEqual({ a: "1", b: "x y" });
    expect(stringifySearchParams({ a: 1, b: undefined, c: "", d: true })).toBe("?a=1&d=true");
    expect(stringifySearchParams({})).toBe("");
  });

  it("picks known string params", () => {
    expect(pickStringParams({ a: "1", b: 2, c: { x: 1 }, d: "" }, ["a", "b", "c", "d"])).toEqual({
      a: "1",
      b: "2",
    });
  });
});

describe("pagesFor", () => {
  it("offers the counted pages of an exact total", () => {
    expect(pagesFor(60, 25, 1, 25, false)).toBe(3);
    expect(pagesFor(60, 25, 3, 10, false)).toBe(3);
  });
  it("goes on past a capped total while pages come back full", () => {
    expect(pagesFor(10_000, 25, 1, 25, true)).toBe(400);
    expect(pagesFor(10_000, 25, 400, 25, true)).toBe(401);
    expect(pagesFor(10_000, 25, 401, 25, true)).toBe(402);
    expect(pagesFor(10_000, 25, 402, 7, true)).toBe(402);
  });
});
