import { describe, expect, it } from "vitest";
import {
  HEAT_COLORS,
  heatColor,
  heatGrid,
  heatLegend,
  heatLevel,
  hourLabel,
  peakLabel,
  weekdayName,
} from "./heatmap";

describe("heatGrid", () => {
  it("is 7 rows of 24 hours, Monday first, zeros where the API sent nothing", () => {
    const grid = heatGrid([
      { weekday: 3, hour: 10, incoming: 42 },
      { weekday: 7, hour: 23, incoming: 1 },
      { weekday: 8, hour: 1, incoming: 99 },
    ]);
    expect(grid).toHaveLength(7);
    expect(grid.every((row) => row.length === 24)).toBe(true);
    expect(grid[2]?.[10]).toBe(42);
    expect(grid[6]?.[23]).toBe(1);
    expect(grid.flat().reduce((a, b) => a + b, 0)).toBe(43);
  });
});

describe("heat colour scale", () => {
  it("is empty for no messages, then quarters of the busiest cell", () => {
    expect(heatLevel(0, 40)).toBe(0);
    expect(heatLevel(1, 40)).toBe(1);
    expect(heatLevel(10, 40)).toBe(1);
    expect(heatLevel(11, 40)).toBe(2);
    expect(heatLevel(30, 40)).toBe(3);
    expect(heatLevel(40, 40)).toBe(4);
    expect(heatLevel(5, 0)).toBe(0);
  });

  it("maps levels to the navy steps", () => {
    expect(heatColor(0, 40)).toBe(HEAT_COLORS[0]);
    expect(heatColor(5, 40)).toBe(HEAT_COLORS[1]);
    expect(heatColor(40, 40)).toBe("#0b1f3a");
  });

  it("has a legend whose steps cover every count once", () => {
    expect(heatLegend(40).map((s) => [s.from, s.to])).toEqual([
      [0, 0],
      [1, 10],
      [11, 20],
      [21, 30],
      [31, 40],
    ]);
    for (let v = 1; v <= 40; v += 1) {
      const step = heatLegend(40).find((s) => v >= s.from && v <= s.to);
      expect(step?.level).toBe(heatLevel(v, 40));
    }
    // A small maximum leaves steps out rather than showing empty ranges.
    expect(heatLegend(2).map((s) => s.level)).toEqual([0, 2, 4]);
    expect(heatLegend(0)).toHaveLength(1);
  });
});

describe("peak label", () => {
  it("names the weekday and the hour", () => {
    expect(peakLabel({ weekday: 3, hour: 10 }, "id")).toBe("Rabu 10:00");
    expect(peakLabel({ weekday: 7, hour: 9 }, "en")).toBe("Sunday 09:00");
    expect(peakLabel(null, "id")).toBeNull();
  });

  it("has short weekday names and hour labels for the grid", () => {
    expect(weekdayName(1, "id", true)).toBe("Sen");
    expect(weekdayName(5, "id")).toBe("Jumat");
    expect(hourLabel(0)).toBe("00:00");
  });
});
