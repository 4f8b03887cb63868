import { describe, expect, it } from "vitest";
import { parseWeights, splitPreview } from "./split";

describe("split preview", () => {
  it("shares a sum metric to the cent, the leftover cents first (as the server does)", () => {
    expect(splitPreview("100.00", 3, null, true)).toEqual(["33.34", "33.33", "33.33"]);
    expect(splitPreview("100.00", 3, [1, 1, 2], true)).toEqual(["25.00", "25.00", "50.00"]);
    expect(splitPreview("0.05", 3, [0, 1, 1], true)).toEqual(["0.00", "0.03", "0.02"]);
    const parts = splitPreview("1234567.89", 12, null, true);
    expect(parts).toHaveLength(12);
    expect(parts.reduce((s, p) => s + Math.round(Number(p) * 100), 0)).toBe(123456789);
  });

  it("keeps any other metric's value every month", () => {
    expect(splitPreview("45.00", 3, null, false)).toEqual(["45.00", "45.00", "45.00"]);
  });

  it("reads weights: whole numbers, not all 0", () => {
    expect(parseWeights(["1", " 2 ", "0"])).toEqual([1, 2, 0]);
    expect(parseWeights(["0", "0"])).toBeNull();
    expect(parseWeights(["1", "1.5"])).toBeNull();
    expect(parseWeights(["1", ""])).toBeNull();
    expect(parseWeights(["-1", "2"])).toBeNull();
  });
});
