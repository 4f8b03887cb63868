import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatIDR,
  formatNumber,
  formatPercent,
  todayInJakarta,
  toNumber,
} from "./format";

describe("formatIDR", () => {
  it("formats rupiah the Indonesian way", () => {
    expect(formatIDR(1500000)).toBe("Rp 1.500.000");
    expect(formatIDR("1500000.00")).toBe("Rp 1.500.000");
    expect(formatIDR("1500000.5")).toBe("Rp 1.500.000,50");
    expect(formatIDR("0.00")).toBe("Rp 0");
    expect(formatIDR(-250000)).toBe("-Rp 250.000");
  });

  it("is locale-aware", () => {
    expect(formatIDR(1500000, "en")).toBe("Rp 1,500,000");
    expect(formatIDR("1234.56", "en")).toBe("Rp 1,234.56");
  });

  it("keeps big decimal strings exact", () => {
    expect(formatIDR("123456789012345678.99")).toBe("Rp 123.456.789.012.345.678,99");
  });

  it("shows a dash for missing or invalid values", () => {
    expect(formatIDR(null)).toBe("—");
    expect(formatIDR(undefined)).toBe("—");
    expect(formatIDR("abc")).toBe("—");
    expect(formatIDR(Number.NaN)).toBe("—");
  });
});

describe("formatNumber / formatPercent", () => {
  it("groups per locale", () => {
    expect(formatNumber(1234567.5)).toBe("1.234.567,5");
    expect(formatNumber(1234567.5, "en")).toBe("1,234,567.5");
    expect(formatNumber("42")).toBe("42");
    expect(formatNumber(null)).toBe("—");
  });

  it("formats percentages", () => {
    expect(formatPercent(12.5)).toBe("12,5%");
    expect(formatPercent(12.5, "en")).toBe("12.5%");
    expect(formatPercent(100)).toBe("100%");
  });

  it("parses API decimal strings", () => {
    expect(toNumber("1500000.00")).toBe(1500000);
    expect(toNumber("1.500.000")).toBeNull();
    expect(toNumber("")).toBeNull();
  });
});

describe("dates in Asia/Jakarta", () => {
  it("shows calendar dates unshifted", () => {
    expect(formatDate("2026-03-01")).toBe("01/03/2026");
  });

  it("converts instants to Jakarta time (UTC+7)", () => {
    // 2026-01-31 18:30 UTC is already 1 February 01:30 in Jakarta.
    expect(formatDate("2026-01-31T18:30:00Z")).toBe("01/02/2026");
    expect(formatDateTime("2026-01-31T18:30:00Z")).toBe("01/02/2026 01:30");
    expect(formatDateTime(new Date(Date.UTC(2026, 5, 15, 2, 5)))).toBe("15/06/2026 09:05");
  });

  it("handles empty and invalid input", () => {
    expect(formatDate(null)).toBe("—");
    expect(formatDate("")).toBe("—");
    expect(formatDateTime("not a date")).toBe("—");
  });

  it("computes today in Jakarta", () => {
    expect(todayInJakarta(new Date("2026-12-31T17:00:00Z"))).toBe("2027-01-01");
    expect(todayInJakarta(new Date("2026-12-31T16:59:00Z"))).toBe("2026-12-31");
  });
});
