import { describe, expect, it } from "vitest";
import { userEventsQuery } from "./api";

describe("userEventsQuery", () => {
  it("keeps the filters the endpoint takes and drops an unknown type", () => {
    expect(
      userEventsQuery({
        page: 2,
        per_page: 50,
        type: "login",
        user_id: "u1",
        from: "2026-11-01",
        to: "2026-11-30",
      }),
    ).toEqual({
      page: 2,
      per_page: 50,
      type: "login",
      user_id: "u1",
      from: "2026-11-01",
      to: "2026-11-30",
    });
    expect(userEventsQuery({ page: 1, per_page: 25, type: "hack", sort: "x" })).toEqual({
      page: 1,
      per_page: 25,
    });
  });
});
