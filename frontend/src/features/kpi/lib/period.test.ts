import { describe, expect, it } from "vitest";
import {
  convertPeriod,
  parsePeriod,
  periodLabel,
  periodOfRange,
  periodOrCurrent,
  periodRange,
  periodValue,
  pickerYears,
  shiftMonth,
  wholeMonths,
} from "./period";

describe("KPI periods", () => {
  it("reads the three spellings the API takes, and nothing else", () => {
    expect(parsePeriod("2026-11")).toEqual({ kind: "month", year: 2026, n: 11 });
    expect(parsePeriod("2026-Q4")).toEqual({ kind: "quarter", year: 2026, n: 4 });
    expect(parsePeriod("2026-q1")).toEqual({ kind: "quarter", year: 2026, n: 1 });
    expect(parsePeriod(" 2026 ")).toEqual({ kind: "year", year: 2026, n: 0 });
    for (const bad of [
      "2026-13",
      "2026-00",
      "2026-Q5",
      "2026-1",
      "1999",
      "2100-01",
      "26-11",
      "",
      null,
      2026,
    ]) {
      expect(parsePeriod(bad)).toBeNull();
    }
  });

  it("writes them back and falls back to the current month", () => {
    for (const raw of ["2026-01", "2026-Q3", "2030"]) {
      expect(periodValue(parsePeriod(raw) ?? { kind: "year", year: 0, n: 0 })).toBe(raw);
    }
    expect(periodOrCurrent("2026-q2", "2026-12-07")).toBe("2026-Q2");
    expect(periodOrCurrent("nope", "2026-12-07")).toBe("2026-12");
    expect(periodOrCurrent(undefined, "2027-01-31")).toBe("2027-01");
  });

  it("covers whole calendar days, leap years included", () => {
    expect(periodRange({ kind: "month", year: 2028, n: 2 })).toEqual({
      start: "2028-02-01",
      end: "2028-02-29",
    });
    expect(periodRange({ kind: "month", year: 2026, n: 2 }).end).toBe("2026-02-28");
    expect(periodRange({ kind: "quarter", year: 2026, n: 4 })).toEqual({
      start: "2026-10-01",
      end: "2026-12-31",
    });
    expect(periodRange({ kind: "year", year: 2026, n: 0 })).toEqual({
      start: "2026-01-01",
      end: "2026-12-31",
    });
  });

  it("moves between months and kinds across year ends", () => {
    expect(shiftMonth("2026-12", 1)).toBe("2027-01");
    expect(shiftMonth("2027-01", -1)).toBe("2026-12");
    expect(shiftMonth("2026-05", -17)).toBe("2024-12");
    const nov = { kind: "month", year: 2026, n: 11 } as const;
    expect(convertPeriod(nov, "quarter")).toEqual({ kind: "quarter", year: 2026, n: 4 });
    expect(convertPeriod(nov, "year")).toEqual({ kind: "year", year: 2026, n: 0 });
    expect(convertPeriod({ kind: "quarter", year: 2026, n: 2 }, "month")).toEqual({
      kind: "month",
      year: 2026,
      n: 4,
    });
  });

  it("knows which runs of days are whole months (what a split takes)", () => {
    expect(wholeMonths("2026-10-01", "2026-12-31")).toEqual(["2026-10", "2026-11", "2026-12"]);
    expect(wholeMonths("2026-12-01", "2027-01-31")).toEqual(["2026-12", "2027-01"]);
    expect(wholeMonths("2026-11-01", "2026-11-30")).toEqual(["2026-11"]);
    expect(wholeMonths("2026-10-02", "2026-12-31")).toBeNull();
    expect(wholeMonths("2026-10-01", "2026-12-30")).toBeNull();
    expect(wholeMonths("2026-12-01", "2026-11-30")).toBeNull();
    expect(periodOfRange("2026-10-01", "2026-12-31")).toEqual({
      kind: "quarter",
      year: 2026,
      n: 4,
    });
    expect(periodOfRange("2026-11-01", "2026-12-31")).toBeNull();
    expect(periodOfRange("2026-01-01", "2026-12-31")).toEqual({ kind: "year", year: 2026, n: 0 });
    expect(periodOfRange("2026-02-01", "2026-02-28")).toEqual({ kind: "month", year: 2026, n: 2 });
  });

  it("names periods per language", () => {
    expect(periodLabel("2026-12", "id")).toBe("Desember 2026");
    expect(periodLabel("2026-12", "en")).toBe("December 2026");
    expect(periodLabel("2026-Q4", "id")).toBe("K4 2026");
    expect(periodLabel("2026-Q4", "en")).toBe("Q4 2026");
    expect(periodLabel("2026", "id")).toBe("2026");
    expect(periodLabel("garbage", "id")).toBe("garbage");
    expect(pickerYears("2026-12-07")).toEqual([2027, 2026, 2025, 2024, 2023, 2022]);
  });
});
