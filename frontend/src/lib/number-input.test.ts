import { describe, expect, it } from "vitest";
import { parseDecimalInput } from "./number-input";

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
