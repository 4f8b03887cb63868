import { describe, expect, it } from "vitest";
import { parseTableState, serializeTableState, toApiQuery } from "@/lib/table-state";
import { OVERVIEW_TABLE, outstandingQuery, parseMethod } from "./table";

const today = "2026-11-22";
const fromUrl = (search: Record<string, string>) =>
  outstandingQuery(toApiQuery(parseTableState(search, OVERVIEW_TABLE)), today);

describe("the overview URL", () => {
  it("sends the report day and the open-status filter to ar/outstanding", () => {
    expect(fromUrl({ as_of: "2026-10-31", status: "overdue", q: "Surya", page: "2" })).toEqual({
      as_of: "2026-10-31",
      status: "overdue",
      q: "Surya",
      page: 2,
      per_page: 25,
      sort: "-days_overdue",
    });
  });

  it("drops a day the API would refuse, a closed status and the DSO method", () => {
    expect(fromUrl({ as_of: "2026-11-23", status: "paid", method: "countback" })).toEqual({
      page: 1,
      per_page: 25,
      sort: "-days_overdue",
    });
    expect(fromUrl({ as_of: "31/10/2026" })).not.toHaveProperty("as_of");
  });

  it("keeps the day and the method when the table pages or sorts", () => {
    const state = parseTableState({ as_of: "2026-10-31", method: "countback" }, OVERVIEW_TABLE);
    const next = serializeTableState(
      { ...state, page: 3, sort: [{ id: "outstanding", desc: true }] },
      OVERVIEW_TABLE,
    );
    expect(next).toEqual({
      as_of: "2026-10-31",
      method: "countback",
      page: "3",
      sort: "-outstanding",
    });
  });

  it("reads the DSO method, simple unless countback is asked for", () => {
    expect(parseMethod("countback")).toBe("countback");
    expect(parseMethod("simple")).toBe("simple");
    expect(parseMethod("weird")).toBe("simple");
    expect(parseMethod(undefined)).toBe("simple");
  });
});
