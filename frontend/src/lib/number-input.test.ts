import { describe, expect, it } from "vitest";
import { formatDecimalInput, parseDecimalInput, parseDecimalText } from "./number-input";

describe("parseDecimalInput", () => {
  it("reads Indonesian thousands and decimals", () => {
    expect(parseDecimalInput("1.500.000,50")).toBe(1500000.5);
    expect(parseDecimalInput("1.500")).toBe(1500);
    expect(parseDecimalInput("12,5")).toBe(12.5);
    expect(parseDecimalInput(" 1500 ")).toBe(1500);
    expect(parseDecimalInput("0,25")).toBe(0.25);
  });

  it("reads a decimal point typed on a phone", () => {
    expect(parseDecimalInput("12.5")).toBe(12.5);
    expect(parseDecimalInput("0.75")).toBe(0.75);
  });

  it("refuses what it would have to guess", () => {
    expect(parseDecimalInput("")).toBeNull();
    expect(parseDecimalInput("abc")).toBeNull();
    expect(parseDecimalInput("1,2,3")).toBeNull();
    expect(parseDecimalInput("1.50.000")).toBeNull();
    expect(parseDecimalInput("-5")).toBeNull();
  });
});

describe("parseDecimalText", () => {
  it("keeps the digits as text, never through a float", () => {
    expect(parseDecimalText("9.007.199.254.740.993,07")).toBe("9007199254740993.07");
    expect(parseDecimalText("1.500.000,50")).toBe("1500000.50");
    expect(parseDecimalText("12.5")).toBe("12.5");
    expect(parseDecimalText("1.500")).toBe("1500");
    expect(parseDecimalText("x")).toBeNull();
  });
});

describe("formatDecimalInput", () => {
  it("writes a decimal string back the Indonesian way", () => {
    expect(formatDecimalInput("1500000.00")).toBe("1.500.000");
    expect(formatDecimalInput("1500000.50")).toBe("1.500.000,50");
    expect(formatDecimalInput("1500000.5")).toBe("1.500.000,50");
    expect(formatDecimalInput("999.05")).toBe("999,05");
    expect(formatDecimalInput("0.00")).toBe("0");
  });

  it("round-trips through parseDecimalText", () => {
    for (const d of ["1500000.50", "1234567890123.45", "7.00"]) {
      expect(parseDecimalText(formatDecimalInput(d))).toBe(d.replace(/\.00$/, ""));
    }
  });
});
