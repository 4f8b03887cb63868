import { describe, expect, it } from "vitest";
import { endedPeriods, formatDrift, groupCloses, hasDrift, isEnded } from "./close";

describe("drift since close", () => {
  it("is there only when it is a number other than zero", () => {
    expect(hasDrift("3.00")).toBe(true);
    expect(hasDrift("-0.50")).toBe(true);
    expect(hasDrift("0.00")).toBe(false);
    expect(hasDrift("-0.00")).toBe(false);
    expect(hasDrift(null)).toBe(false);
    expect(hasDrift(undefined)).toBe(false);
    expect(hasDrift("")).toBe(false);
  });

  it("is signed and formatted per unit, in Indonesian", () => {
    expect(formatDrift("3.00", "count", "id")).toBe("+3");
    expect(formatDrift("1234.00", "count", "id")).toBe("+1.234");
    expect(formatDrift("-2.00", "count", "id")).toBe("\u22122");
    expect(formatDrift("150000.00", "idr", "id")).toBe("+Rp 150.000");
    expect(formatDrift("-1500000.50", "idr", "id")).toBe("\u2212Rp 1.500.000,50");
    expect(formatDrift("2.50", "percent", "id")).toBe("+2,5%");
    expect(formatDrift("-5.00", "days", "id")).toBe("\u22125 hari");
    expect(formatDrift("12.00", "minutes", "id")).toBe("+12 mnt");
  });

  it("and in English", () => {
    expect(formatDrift("1.00", "days", "en")).toBe("+1 day");
    expect(formatDrift("-2500000.00", "idr", "en")).toBe("\u2212Rp 2,500,000");
    expect(formatDrift("0.25", "count", "en")).toBe("+0.25");
  });

  it("says nothing when the sources did not move", () => {
    expect(formatDrift("0.00", "count", "id")).toBeNull();
    expect(formatDrift(null, "idr", "id")).toBeNull();
  });
});

describe("periods that may be closed", () => {
  it("a period has ended after its last day", () => {
    expect(isEnded("2026-11", "2026-12-07")).toBe(true);
    expect(isEnded("2026-12", "2026-12-07")).toBe(false);
    expect(isEnded("2026-11", "2026-11-30")).toBe(false);
    expect(isEnded("2026-11", "2026-12-01")).toBe(true);
    expect(isEnded("2026-Q3", "2026-10-01")).toBe(true);
    expect(isEnded("2026-Q4", "2026-12-31")).toBe(false);
    expect(isEnded("2025", "2026-01-01")).toBe(true);
    expect(isEnded("nonsense", "2026-12-07")).toBe(false);
  });

  it("offers ended months, quarters and years, newest first", () => {
    const p = endedPeriods("2026-12-07", { month: 3, quarter: 2, year: 2 });
    expect(p.month).toEqual(["2026-11", "2026-10", "2026-09"]);
    expect(p.quarter).toEqual(["2026-Q3", "2026-Q2"]);
    expect(p.year).toEqual(["2025", "2024"]);
  });

  it("crosses the year in January", () => {
    const p = endedPeriods("2027-01-01", { month: 2, quarter: 1, year: 1 });
    expect(p.month).toEqual(["2026-12", "2026-11"]);
    expect(p.quarter).toEqual(["2026-Q4"]);
    expect(p.year).toEqual(["2026"]);
  });

  it("offers twelve months, four quarters and two years by default", () => {
    const p = endedPeriods("2026-12-07");
    expect(p.month).toHaveLength(12);
    expect(p.month.at(-1)).toBe("2025-12");
    expect(p.quarter).toHaveLength(4);
    expect(p.year).toHaveLength(2);
  });
});

describe("closes grouped per period and department", () => {
  const close = (
    id: string,
    period: string,
    period_start: string,
    dept: string,
    revision: number,
    reopened_at: string | null,
  ) => ({ id, period, period_start, dept, revision, reopened_at });

  it("keeps the history newest first and finds the close in force", () => {
    const groups = groupCloses([
      close("a1", "2026-10", "2026-10-01", "MKT", 1, "2026-11-03T02:00:00Z"),
      close("b1", "2026-11", "2026-11-01", "FIN", 1, null),
      close("a2", "2026-10", "2026-10-01", "MKT", 2, null),
      close("c1", "2026-11", "2026-11-01", "CS", 1, "2026-12-02T02:00:00Z"),
    ]);
    expect(groups.map((g) => g.key)).toEqual(["2026-11|CS", "2026-11|FIN", "2026-10|MKT"]);
    const mkt = groups[2];
    expect(mkt?.revisions.map((r) => r.id)).toEqual(["a2", "a1"]);
    expect(mkt?.standing?.id).toBe("a2");
    expect(groups[0]?.standing).toBeNull();
    expect(groups[1]?.standing?.id).toBe("b1");
  });

  it("is empty for no closes", () => {
    expect(groupCloses([])).toEqual([]);
  });
});
