import { describe, expect, it } from "vitest";
import { fromPublishedAt, isTime, toPublishedAt } from "./publish-at";

describe("publication time", () => {
  it("builds a WIB time from a day and a time", () => {
    expect(toPublishedAt("2026-12-01", "08:00")).toBe("2026-12-01T08:00:00+07:00");
    expect(toPublishedAt("01/12/2026", "08:00")).toBeNull();
    expect(toPublishedAt("2026-12-01", "24:00")).toBeNull();
    expect(isTime("23:59")).toBe(true);
    expect(isTime("7:00")).toBe(false);
  });

  it("reads an API time back as its Jakarta day and time", () => {
    // 23:30 UTC is 06:30 the next day in Jakarta.
    expect(fromPublishedAt("2026-11-30T23:30:00Z")).toEqual({ day: "2026-12-01", time: "06:30" });
    expect(fromPublishedAt(toPublishedAt("2026-12-01", "08:00"))).toEqual({
      day: "2026-12-01",
      time: "08:00",
    });
    expect(fromPublishedAt(null)).toEqual({ day: "", time: "" });
  });
});
