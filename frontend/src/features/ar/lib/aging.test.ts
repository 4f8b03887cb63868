import { describe, expect, it } from "vitest";
import type { AgingRow } from "../types";
import { agingChart, agingIsEmpty, overdueOf, topOverdue } from "./aging";
import { dsoChartData, dsoTrend } from "./dso";

const aging = (name: string, buckets: [string, string, string, string, string]): AgingRow => {
  const [current, d1_30, d31_60, d61_90, d90_plus] = buckets;
  const total = [current, d1_30, d31_60, d61_90, d90_plus]
    .map((v) => Math.round(Number(v) * 100))
    .reduce((a, b) => a + b, 0);
  return {
    customer_id: name,
    customer_name: name,
    current,
    d1_30,
    d31_60,
    d61_90,
    d90_plus,
    total: (total / 100).toFixed(2),
    paid_after: "0.00",
    unapplied: "0.00",
    net: (total / 100).toFixed(2),
  };
};

const rows = [
  aging("PT A", ["100.00", "0.10", "0.20", "0.00", "0.00"]),
  aging("PT B", ["0.00", "500.00", "0.00", "0.00", "250.00"]),
  aging("PT C", ["900.00", "0.00", "0.00", "0.00", "0.00"]),
  aging("PT D", ["0.00", "0.00", "0.00", "10.00", "0.00"]),
];
const totals = aging("Total", ["1000.00", "500.10", "0.20", "10.00", "250.00"]);

describe("overdue", () => {
  it("sums the past-due buckets exactly", () => {
    expect(overdueOf(rows[0] as AgingRow)).toBe("0.30");
    expect(overdueOf(totals)).toBe("760.30");
  });

  it("ranks the customers who owe the most overdue, without those who owe none", () => {
    expect(topOverdue(rows, 2).map((c) => [c.row.customer_name, c.overdue])).toEqual([
      ["PT B", "750.00"],
      ["PT D", "10.00"],
    ]);
    expect(topOverdue(rows, 10)).toHaveLength(3);
  });
});

describe("agingChart", () => {
  it("stacks the largest customers per bucket and sums the rest as others", () => {
    const chart = agingChart(rows, totals, 2, "Others");
    expect(chart.series).toEqual([
      { key: "c0", name: "PT C" },
      { key: "c1", name: "PT B" },
      { key: "others", name: "Others" },
    ]);
    expect(chart.data[0]).toEqual({ bucket: "current", c0: 900, c1: 0, others: 100 });
    expect(chart.data[1]).toEqual({ bucket: "d1_30", c0: 0, c1: 500, others: 0.1 });
    expect(chart.data[3]).toEqual({ bucket: "d61_90", c0: 0, c1: 0, others: 10 });
  });

  it("sums the customers beyond a page as others, from the totals row", () => {
    const chart = agingChart(rows.slice(0, 2), totals, 2, "Others");
    expect(chart.series.at(-1)).toEqual({ key: "others", name: "Others" });
    expect(chart.data[0]).toEqual({ bucket: "current", c0: 0, c1: 100, others: 900 });
  });

  it("has no others when every customer is drawn, and knows when there is nothing", () => {
    expect(agingChart(rows, totals, 4, "Others").series).toHaveLength(4);
    expect(agingIsEmpty(aging("Total", ["0", "0", "0", "0", "0.00"]))).toBe(true);
    expect(agingIsEmpty(totals)).toBe(false);
    expect(agingIsEmpty(undefined)).toBe(true);
  });
});

describe("dso", () => {
  it("compares with a month earlier in hundredths of a day", () => {
    expect(dsoTrend("42.86", "40.10")).toEqual({ delta: "2.76", direction: "rising" });
    expect(dsoTrend("30.00", "45.50")).toEqual({ delta: "15.50", direction: "falling" });
    expect(dsoTrend("30.00", "30.00")).toEqual({ delta: "0.00", direction: "flat" });
    expect(dsoTrend(null, "30.00")).toBeNull();
    expect(dsoTrend("30.00", undefined)).toBeNull();
  });

  it("keeps days without revenue as gaps", () => {
    expect(
      dsoChartData([
        { date: "2026-11-01", ar_balance: "0", revenue: "0", dso: null },
        { date: "2026-11-02", ar_balance: "10", revenue: "5", dso: "60.00" },
      ]),
    ).toEqual([
      { date: "2026-11-01", dso: null },
      { date: "2026-11-02", dso: 60 },
    ]);
  });
});
