import { describe, expect, it } from "vitest";
import { lastDays, resolvePeriod, spanDays } from "./period";

const today = "2026-12-07";

describe("resolvePeriod", () => {
  it("defaults to the last 7 days, today included", () => {
    expect(resolvePeriod({}, today)).toEqual({ from: "2026-12-01", to: today, problem: null });
  });

  it("reads the URL's days and ends a lone `from` today", () => {
    expect(resolvePeriod({ from: "2026-11-08", to: "2026-12-07" }, today).from).toBe("2026-11-08");
    expect(resolvePeriod({ from: "2026-11-30" }, today)).toEqual({
      from: "2026-11-30",
      to: today,
      problem: null,
    });
    expect(resolvePeriod({ to: "2026-11-10" }, today).from).toBe("2026-11-04");
  });

  it("ignores unreadable days", () => {
    expect(resolvePeriod({ from: "31/11/2026", to: "nope" }, today).from).toBe("2026-12-01");
  });

  it("catches what the API would refuse", () => {
    expect(resolvePeriod({ from: "2026-12-08", to: today }, today).problem).toBe("order");
    // 92 days at most, both ends included (the API's limit).
    expect(resolvePeriod({ from: "2026-09-06", to: today }, today).problem).toBe("tooLong");
    expect(resolvePeriod({ from: "2026-09-07", to: today }, today).problem).toBeNull();
  });
});

describe("period helpers", () => {
  it("counts days both included", () => {
    expect(spanDays("2026-12-01", "2026-12-07")).toBe(7);
    expect(spanDays("2026-02-27", "2026-03-01")).toBe(3);
  });

  it("builds presets ending today", () => {
    expect(lastDays(30, today)).toEqual({ from: "2026-11-08", to: today });
  });
});
