import { describe, expect, it } from "vitest";
import { formatMinutes, formatSeconds } from "./duration";

describe("formatMinutes", () => {
  it("reads hours and minutes the Indonesian way", () => {
    expect(formatMinutes(65, "id")).toBe("1 j 5 m");
    expect(formatMinutes(60, "id")).toBe("1 j");
    expect(formatMinutes(12, "id")).toBe("12 m");
    expect(formatMinutes(65, "en")).toBe("1 h 5 m");
  });

  it("rounds to whole minutes from an hour up and keeps days in hours", () => {
    expect(formatMinutes(64.6, "id")).toBe("1 j 5 m");
    expect(formatMinutes(59.999, "id")).toBe("1 j");
    expect(formatMinutes(2 * 24 * 60 + 3, "id")).toBe("48 j 3 m");
    expect(formatMinutes(1000 * 60, "id")).toBe("1.000 j");
  });

  it("shows short times in minutes and seconds", () => {
    expect(formatMinutes(2.5, "id")).toBe("2 m 30 d");
    expect(formatMinutes(0.5, "en")).toBe("30 s");
    expect(formatMinutes(0, "id")).toBe("0 d");
  });

  it("is an em dash without a value, never 0", () => {
    expect(formatMinutes(null, "id")).toBe("—");
    expect(formatMinutes(undefined, "id")).toBe("—");
  });
});

describe("formatSeconds", () => {
  it("keeps one decimal under ten seconds", () => {
    expect(formatSeconds(2.34, "id")).toBe("2,3 d");
    expect(formatSeconds(2.34, "en")).toBe("2.3 s");
    expect(formatSeconds(45.4, "id")).toBe("45 d");
  });

  it("reads minutes and seconds, then hours and minutes", () => {
    expect(formatSeconds(90, "id")).toBe("1 m 30 d");
    expect(formatSeconds(600, "id")).toBe("10 m");
    expect(formatSeconds(3599.6, "id")).toBe("1 j");
    expect(formatSeconds(3725, "id")).toBe("1 j 2 m");
  });

  it("refuses what is not a duration", () => {
    expect(formatSeconds(-1, "id")).toBe("—");
    expect(formatSeconds("abc", "id")).toBe("—");
  });
});
