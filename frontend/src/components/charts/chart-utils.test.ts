import { describe, expect, it } from "vitest";
import { formatAxis, formatValue, isEmptySeries } from "./chart-utils";

describe("chart helpers", () => {
  it("detects empty data", () => {
    expect(isEmptySeries(undefined, ["v"])).toBe(true);
    expect(isEmptySeries([], ["v"])).toBe(true);
    expect(isEmptySeries([{ x: "a", v: null }], ["v"])).toBe(true);
    expect(isEmptySeries([{ x: "a", v: 0 }], ["v"])).toBe(false);
    expect(isEmptySeries([{ x: "a", v: "1500000.00" }], ["v"])).toBe(false);
  });

  it("formats exact tooltip values", () => {
    expect(formatValue("1500000.00", "idr", "id")).toBe("Rp 1.500.000");
    expect(formatValue(1234.5, "number", "id")).toBe("1.234,5");
    expect(formatValue(87.125, "percent", "en")).toBe("87.13%");
  });

  it("abbreviates axis ticks", () => {
    expect(formatAxis(1500000, "idr", "en")).toBe("Rp 1.5M");
    expect(formatAxis(50, "percent", "id")).toBe("50%");
  });
});
