import { describe, expect, it } from "vitest";
import { formatChange, trendDirection, trendTone } from "./trend";

describe("trendDirection", () => {
  it("follows the sign of the change", () => {
    expect(trendDirection({ change_pct: 12.5 })).toBe("up");
    expect(trendDirection({ change_pct: -3 })).toBe("down");
    expect(trendDirection({ change_pct: 0 })).toBe("flat");
  });

  it("is none without a previous figure", () => {
    expect(trendDirection({ change_pct: null })).toBe("none");
    expect(trendDirection({})).toBe("none");
    expect(trendDirection(undefined)).toBe("none");
  });
});

describe("trendTone", () => {
  it("is green the good way and red the bad way", () => {
    expect(trendTone("up", "higher")).toBe("success");
    expect(trendTone("down", "higher")).toBe("danger");
    // A response time going down is good news.
    expect(trendTone("down", "lower")).toBe("success");
    expect(trendTone("up", "lower")).toBe("danger");
  });

  it("is grey when flat, unknown, or neither way is better", () => {
    expect(trendTone("flat", "higher")).toBe("muted");
    expect(trendTone("none", "lower")).toBe("muted");
    expect(trendTone("up", "neither")).toBe("muted");
  });
});

describe("formatChange", () => {
  it("signs the change with one decimal in the locale", () => {
    expect(formatChange({ change_pct: 12.5 }, "id")).toBe("+12,5%");
    expect(formatChange({ change_pct: 12.5 }, "en")).toBe("+12.5%");
    expect(formatChange({ change_pct: -3 }, "id")).toBe("−3%");
    expect(formatChange({ change_pct: 0 }, "id")).toBe("0%");
    expect(formatChange({ change_pct: 1234.5 }, "id")).toBe("+1.234,5%");
    expect(formatChange({ change_pct: null }, "id")).toBe("—");
  });
});
