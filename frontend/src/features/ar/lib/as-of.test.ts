import { describe, expect, it } from "vitest";
import { addDays, endOfPreviousMonth, isDay, parseAsOf, parseDayText } from "./as-of";

describe("parseAsOf", () => {
  const today = "2026-11-22";

  it("keeps a real day up to today", () => {
    expect(parseAsOf("2026-10-31", today)).toBe("2026-10-31");
    expect(parseAsOf(today, today)).toBe(today);
  });

  it("ignores what the API would refuse or cannot know", () => {
    expect(parseAsOf(undefined, today)).toBeUndefined();
    expect(parseAsOf("", today)).toBeUndefined();
    expect(parseAsOf("2026-11-23", today)).toBeUndefined();
    expect(parseAsOf("2026-02-30", today)).toBeUndefined();
    expect(parseAsOf("31/10/2026", today)).toBeUndefined();
    expect(parseAsOf("1999-12-31", today)).toBeUndefined();
    expect(parseAsOf(20261031, today)).toBeUndefined();
  });
});

describe("parseDayText", () => {
  it("reads day-first dates whatever the separator", () => {
    expect(parseDayText("31/12/2026")).toBe("2026-12-31");
    expect(parseDayText(" 1/2/2026 ")).toBe("2026-02-01");
    expect(parseDayText("31-12-2026")).toBe("2026-12-31");
    expect(parseDayText("31.12.2026")).toBe("2026-12-31");
    expect(parseDayText("2026-12-31")).toBe("2026-12-31");
  });

  it("never reads month first, nor a day that does not exist", () => {
    expect(parseDayText("12/31/2026")).toBeNull();
    expect(parseDayText("29/02/2026")).toBeNull();
    expect(parseDayText("29/02/2028")).toBe("2028-02-29");
    expect(parseDayText("31/12/26")).toBeNull();
    expect(parseDayText("")).toBeNull();
    expect(parseDayText("besok")).toBeNull();
  });
});

describe("day arithmetic", () => {
  it("adds days across months and years", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-11-22", -30)).toBe("2026-10-23");
  });

  it("finds the end of the previous month", () => {
    expect(endOfPreviousMonth("2026-03-15")).toBe("2026-02-28");
    expect(endOfPreviousMonth("2026-01-01")).toBe("2025-12-31");
  });

  it("knows a day when it sees one", () => {
    expect(isDay("2026-11-22")).toBe(true);
    expect(isDay("2026-11-31")).toBe(false);
    expect(isDay(null)).toBe(false);
  });
});
