import { describe, expect, it } from "vitest";
import { chartFormat, formatAchievement, formatKpiValue } from "./format";

describe("KPI values per unit", () => {
  it("formats Rupiah, percent, minutes, days and counts in Indonesian", () => {
    expect(formatKpiValue("150000000.00", "idr", "id")).toBe("Rp 150.000.000");
    expect(formatKpiValue("1500000.50", "idr", "id")).toBe("Rp 1.500.000,50");
    expect(formatKpiValue("92.50", "percent", "id")).toBe("92,5%");
    expect(formatKpiValue("45.00", "minutes", "id")).toBe("45 mnt");
    expect(formatKpiValue("45.00", "days", "id")).toBe("45 hari");
    expect(formatKpiValue("1.00", "days", "id")).toBe("1 hari");
    expect(formatKpiValue("1234.00", "count", "id")).toBe("1.234");
    expect(formatKpiValue("12.50", "count", "id")).toBe("12,5");
  });

  it("and in English", () => {
    expect(formatKpiValue("1500000.50", "idr", "en")).toBe("Rp 1,500,000.50");
    expect(formatKpiValue("92.5", "percent", "en")).toBe("92.5%");
    expect(formatKpiValue("30", "minutes", "en")).toBe("30 min");
    expect(formatKpiValue("1", "days", "en")).toBe("1 day");
    expect(formatKpiValue("50.25", "days", "en")).toBe("50.3 days");
  });

  it("never turns a missing value into 0", () => {
    expect(formatKpiValue(null, "idr", "id")).toBe("—");
    expect(formatKpiValue(undefined, "count", "id")).toBe("—");
    expect(formatKpiValue("", "percent", "id")).toBe("—");
    expect(formatKpiValue("0.00", "count", "id")).toBe("0");
    expect(formatAchievement(null, "id")).toBe("—");
  });

  it("reads an unknown unit as a count; achievement has one decimal", () => {
    expect(formatKpiValue("7", "parsecs", "id")).toBe("7");
    expect(formatAchievement("90.00", "id")).toBe("90%");
    expect(formatAchievement("92.35", "id")).toBe("92,4%");
    expect(formatAchievement("112.5", "en")).toBe("112.5%");
  });

  it("maps units to chart formats", () => {
    expect(chartFormat("idr")).toBe("idr");
    expect(chartFormat("percent")).toBe("percent");
    expect(chartFormat("minutes")).toBe("number");
    expect(chartFormat("days")).toBe("number");
    expect(chartFormat("count")).toBe("number");
  });
});
