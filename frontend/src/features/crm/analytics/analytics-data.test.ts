import { describe, expect, it } from "vitest";
import type { AdsPlatform, ChannelMonth } from "./analytics-api";
import {
  adsIsEmpty,
  adsTotals,
  defaultRange,
  pivotChannelMonths,
  rangeProblem,
  readsSpend,
  trendRange,
} from "./analytics-data";

describe("analytics ranges", () => {
  it("defaults to the first of the month up to today", () => {
    expect(defaultRange("2026-11-17")).toEqual({ from: "2026-11-01", to: "2026-11-17" });
    expect(defaultRange("2026-03-01")).toEqual({ from: "2026-03-01", to: "2026-03-01" });
  });

  it("widens the trend to six months ending with the month of `to`", () => {
    expect(trendRange({ from: "2026-11-01", to: "2026-11-17" })).toEqual({
      from: "2026-06-01",
      to: "2026-11-17",
    });
    // Across a year boundary.
    expect(trendRange({ from: "2027-02-10", to: "2027-02-20" })).toEqual({
      from: "2026-09-01",
      to: "2027-02-20",
    });
  });

  it("keeps an earlier start of the chosen range", () => {
    expect(trendRange({ from: "2026-01-15", to: "2026-11-17" })).toEqual({
      from: "2026-01-15",
      to: "2026-11-17",
    });
  });
});

describe("rangeProblem", () => {
  it("accepts ranges up to the day before from + 24 months", () => {
    expect(rangeProblem({ from: "2026-11-01", to: "2026-11-01" })).toBeNull();
    expect(rangeProblem({ from: "2026-11-15", to: "2028-11-14" })).toBeNull();
  });
  it("refuses a reversed or too long range", () => {
    expect(rangeProblem({ from: "2026-11-02", to: "2026-11-01" })).toBe("order");
    expect(rangeProblem({ from: "2026-11-15", to: "2028-11-15" })).toBe("tooLong");
    // 29 February + 24 months is clamped to 28 February.
    expect(rangeProblem({ from: "2028-02-29", to: "2030-02-27" })).toBeNull();
    expect(rangeProblem({ from: "2028-02-29", to: "2030-02-28" })).toBe("tooLong");
  });
});

const cm = (month: string, channel: string, leads: number): ChannelMonth => ({
  month,
  channel,
  leads,
});

describe("pivotChannelMonths", () => {
  it("makes one row per month with a column per channel, busiest first", () => {
    const pivot = pivotChannelMonths([
      cm("2026-10", "whatsapp", 2),
      cm("2026-10", "website", 5),
      cm("2026-11", "whatsapp", 1),
      cm("2026-11", "website", 0),
    ]);
    expect(pivot.months).toEqual(["2026-10", "2026-11"]);
    expect(pivot.series).toEqual([
      { key: "c0", channel: "website", total: 5 },
      { key: "c1", channel: "whatsapp", total: 3 },
    ]);
    expect(pivot.rows).toEqual([
      { month: "2026-10", c0: 5, c1: 2 },
      { month: "2026-11", c0: 0, c1: 1 },
    ]);
  });

  it("sums the channels beyond the limit into `other` and drops silent channels", () => {
    const pivot = pivotChannelMonths(
      [
        cm("2026-11", "a", 9),
        cm("2026-11", "b", 8),
        cm("2026-11", "c", 2),
        cm("2026-11", "d", 1),
        cm("2026-11", "e", 0),
      ],
      1,
    );
    expect(pivot.series.map((s) => s.channel)).toEqual(["a", null]);
    expect(pivot.rows).toEqual([{ month: "2026-11", c0: 9, other: 11 }]);
  });

  it("keeps a single leftover channel as its own line", () => {
    const pivot = pivotChannelMonths([cm("2026-11", "a", 3), cm("2026-11", "b", 1)], 1);
    expect(pivot.series.map((s) => s.channel)).toEqual(["a", "b"]);
  });

  it("keeps the months of an all-zero answer with no series", () => {
    const pivot = pivotChannelMonths([]);
    expect(pivot).toEqual({ months: [], series: [], rows: [] });
  });
});

const ads = (platform: string, spend: string, leads: number): AdsPlatform => ({
  platform,
  spend,
  leads,
  impressions: 0,
  clicks: 0,
  cpl: null,
});

describe("ads totals", () => {
  it("adds spend exactly and derives the overall cost per lead", () => {
    const totals = adsTotals([ads("tiktok", "1000000.10", 2), ads("google", "500000.20", 1)]);
    expect(totals.spend).toBe("1500000.30");
    expect(totals.leads).toBe(3);
    expect(totals.cpl).toBe("500000.10");
  });

  it("has no cost per lead without leads, and spots an empty answer", () => {
    expect(adsTotals([ads("meta", "100.00", 0)]).cpl).toBeNull();
    expect(adsIsEmpty([ads("meta", "0.00", 0), ads("google", "0", 0)])).toBe(true);
    expect(adsIsEmpty([ads("meta", "0.00", 1)])).toBe(false);
  });

  it("knows who reads spend", () => {
    expect(readsSpend("marketing_staff")).toBe(true);
    expect(readsSpend("salesperson")).toBe(false);
  });
});
