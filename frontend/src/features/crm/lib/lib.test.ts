import { describe, expect, it } from "vitest";
import type { Stage } from "@/api/enums.gen";
import type { Pipeline } from "../types";
import { groupByDay, monthGrid, shiftView, startOfWeek, viewRange, weekDates } from "./calendar";
import { buildCsv, csvFileName } from "./csv";
import {
  addMonths,
  defaultDueInput,
  fromLocalInput,
  jakartaDate,
  lastOfMonth,
  toLocalInput,
} from "./dates";
import { costPerLead, funnelSteps, percent } from "./funnel";
import { fitWithin, jpegName } from "./image";
import { addDecimal, fromCents, parseRupiahInput, toCents, weighted } from "./money";
import { moveProspect, openTotals } from "./pipeline";
import { groupTasks } from "./tasks";

describe("image downscale sizing", () => {
  it("keeps the aspect ratio and caps the longer side", () => {
    expect(fitWithin(4032, 3024)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3024, 4032)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(4000, 1000, 1000)).toEqual({ width: 1000, height: 250 });
  });
  it("never enlarges small photos and survives odd input", () => {
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(1600, 1600)).toEqual({ width: 1600, height: 1600 });
    expect(fitWithin(10000, 3)).toEqual({ width: 1600, height: 1 });
    expect(fitWithin(0, 100)).toEqual({ width: 0, height: 0 });
    expect(fitWithin(Number.NaN, 100)).toEqual({ width: 0, height: 0 });
  });
  it("names the re-encoded file .jpg", () => {
    expect(jpegName("IMG_0001.HEIC")).toBe("IMG_0001.jpg");
    expect(jpegName("kunjungan pt.maju.png")).toBe("kunjungan pt.maju.jpg");
    expect(jpegName(".png")).toBe("photo.jpg");
  });
});

describe("Jakarta dates", () => {
  it("buckets instants by the Jakarta day", () => {
    expect(jakartaDate("2026-11-30T17:00:00Z")).toBe("2026-12-01");
    expect(jakartaDate("2026-11-30T16:59:00Z")).toBe("2026-11-30");
  });
  it("round-trips datetime-local values as Jakarta time", () => {
    expect(fromLocalInput("2026-11-22T09:30")).toBe("2026-11-22T09:30:00+07:00");
    expect(toLocalInput("2026-11-22T02:30:00Z")).toBe("2026-11-22T09:30");
    expect(fromLocalInput("")).toBeNull();
    expect(toLocalInput(null)).toBe("");
  });
  it("steps months across years", () => {
    expect(addMonths("2026-11", 2)).toBe("2027-01");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(lastOfMonth("2028-02")).toBe("2028-02-29");
  });
  it("defaults a due time to 17:00 today, or tomorrow once passed", () => {
    expect(defaultDueInput(new Date("2026-11-22T03:00:00Z"))).toBe("2026-11-22T17:00");
    expect(defaultDueInput(new Date("2026-11-22T11:00:00Z"))).toBe("2026-11-23T17:00");
  });
});

describe("calendar grid", () => {
  it("covers a month with whole Monday-first weeks", () => {
    const grid = monthGrid("2026-11"); // 1 Nov 2026 is a Sunday
    expect(grid).toHaveLength(6);
    expect(grid[0]).toEqual([
      "2026-10-26",
      "2026-10-27",
      "2026-10-28",
      "2026-10-29",
      "2026-10-30",
      "2026-10-31",
      "2026-11-01",
    ]);
    expect(grid[5]?.[6]).toBe("2026-12-06");
    expect(grid.every((w) => w.length === 7)).toBe(true);
  });
  it("uses four rows for a February that starts on Monday", () => {
    const grid = monthGrid("2027-02");
    expect(grid).toHaveLength(4);
    expect(grid[0]?.[0]).toBe("2027-02-01");
    expect(grid[3]?.[6]).toBe("2027-02-28");
  });
  it("computes weeks, ranges and navigation", () => {
    expect(startOfWeek("2026-11-22")).toBe("2026-11-16");
    expect(weekDates("2026-11-18")[6]).toBe("2026-11-22");
    expect(viewRange("week", "2026-11-22")).toEqual({ from: "2026-11-16", to: "2026-11-22" });
    expect(viewRange("month", "2026-11-15")).toEqual({ from: "2026-10-26", to: "2026-12-06" });
    expect(shiftView("month", "2026-12-31", 1)).toBe("2027-01-01");
    expect(shiftView("week", "2026-11-22", -1)).toBe("2026-11-15");
  });
  it("groups entries by their Jakarta day", () => {
    const groups = groupByDay([
      { at: "2026-11-21T18:00:00Z", id: "a" },
      { at: "2026-11-22T01:00:00Z", id: "b" },
      { at: "2026-11-21T16:00:00Z", id: "c" },
    ]);
    expect(groups.get("2026-11-22")?.map((e) => e.id)).toEqual(["a", "b"]);
    expect(groups.get("2026-11-21")?.map((e) => e.id)).toEqual(["c"]);
  });
});

describe("funnel and conversion maths", () => {
  it("computes shares of the first step and step-to-step conversion", () => {
    const steps = funnelSteps([
      { key: "lead", count: 200 },
      { key: "contacted", count: 120 },
      { key: "qualified", count: 45 },
      { key: "won", count: 9 },
    ]);
    expect(steps.map((s) => s.pctOfFirst)).toEqual([100, 60, 22.5, 4.5]);
    expect(steps.map((s) => s.pctOfPrevious)).toEqual([null, 60, 37.5, 20]);
  });
  it("never divides by zero", () => {
    const steps = funnelSteps([
      { key: "lead", count: 0 },
      { key: "won", count: 0 },
    ]);
    expect(steps[0]?.pctOfFirst).toBeNull();
    expect(steps[1]?.pctOfPrevious).toBeNull();
    expect(percent(1, 3)).toBe(33.33);
    expect(percent(2, 3)).toBe(66.67);
  });
  it("computes the cost per lead exactly, to the cent", () => {
    expect(costPerLead("1500000.00", 3)).toBe("500000.00");
    expect(costPerLead("100.00", 3)).toBe("33.33");
    expect(costPerLead("200.00", 3)).toBe("66.67");
    expect(costPerLead("1500000.00", 0)).toBeNull();
  });
});

describe("CSV building", () => {
  it("keeps exact decimal strings and escapes text", () => {
    const csv = buildCsv(
      [
        { header: "month", value: (r: { m: string; v: string; n: string }) => r.m },
        { header: "value", value: (r) => r.v },
        { header: "note", value: (r) => r.n },
      ],
      [
        { m: "2026-11", v: "1500000.00", n: 'PT "Maju", Jaya' },
        { m: "2026-12", v: "0.00", n: "" },
      ],
    );
    expect(csv).toBe('month,value,note\r\n2026-11,1500000.00,"PT ""Maju"", Jaya"\r\n2026-12,0.00,');
  });
  it("builds safe file names", () => {
    expect(csvFileName("forecast", "2026-11-01", undefined, "2027-04-30")).toBe(
      "forecast_2026-11-01_2027-04-30.csv",
    );
    expect(csvFileName("leads by channel", "a/b")).toBe("leads-by-channel_a-b.csv");
  });
});

describe("decimal money", () => {
  it("parses and formats cents exactly", () => {
    expect(toCents("150000000.00")).toBe(15000000000n);
    expect(toCents("0")).toBe(0n);
    expect(toCents("12.5")).toBe(1250n);
    expect(fromCents(-1250n)).toBe("-12.50");
    expect(addDecimal("0.10", "0.20")).toBe("0.30");
  });
  it("weights a value by a stage probability", () => {
    expect(weighted("150000000.00", "40.00")).toBe("60000000.00");
    expect(weighted("333.33", "10.00")).toBe("33.33");
    expect(weighted("0.05", "50.00")).toBe("0.03");
  });
  it("reads typed rupiah amounts as whole rupiah", () => {
    expect(parseRupiahInput("Rp 1.500.000")).toBe("1500000.00");
    expect(parseRupiahInput("1.500.000,50")).toBe("1500000.50");
    expect(parseRupiahInput("1,500,000")).toBeNull();
    expect(parseRupiahInput("007")).toBe("7.00");
    expect(parseRupiahInput("1.500,505")).toBeNull();
    expect(parseRupiahInput("abc")).toBeNull();
    expect(parseRupiahInput("")).toBeNull();
  });
});

function prospect(id: string, stage: Stage, value: string, probability: string) {
  return {
    id,
    prospect_code: `PRS-${id}`,
    customer_id: "c",
    stage,
    probability,
    expected_value: value,
    weighted_value: weighted(value, probability),
    notes: "",
    stage_changed_at: "2026-11-01T00:00:00Z",
    created_at: "2026-11-01T00:00:00Z",
    updated_at: "2026-11-01T00:00:00Z",
  };
}

describe("optimistic pipeline move", () => {
  const board: Pipeline = {
    columns: [
      {
        stage: "new",
        name: "New",
        probability: "10.00",
        count: 2,
        total_value: "300.00",
        weighted_value: "30.00",
        prospects: [
          prospect("a", "new", "100.00", "10.00"),
          prospect("b", "new", "200.00", "10.00"),
        ],
      },
      {
        stage: "proposal",
        name: "Proposal",
        probability: "60.00",
        count: 0,
        total_value: "0",
        weighted_value: "0.00",
        prospects: [],
      },
      {
        stage: "lost",
        name: "Lost",
        probability: "0.00",
        count: 0,
        total_value: "0",
        weighted_value: "0.00",
        prospects: [],
      },
    ],
  };

  it("moves the card and its sums", () => {
    const next = moveProspect(board, "b", "proposal");
    const [from, to] = next.columns;
    expect(from?.prospects.map((p) => p.id)).toEqual(["a"]);
    expect(from).toMatchObject({ count: 1, total_value: "100.00", weighted_value: "10.00" });
    expect(to).toMatchObject({ count: 1, total_value: "200.00", weighted_value: "120.00" });
    expect(to?.prospects[0]).toMatchObject({ id: "b", stage: "proposal", probability: "60.00" });
    expect(openTotals(next)).toEqual({ count: 2, value: "300.00", weighted: "130.00" });
  });
  it("keeps the lost reason and leaves the original untouched", () => {
    const next = moveProspect(board, "a", "lost", "Harga");
    expect(next.columns[2]?.prospects[0]).toMatchObject({
      lost_reason: "Harga",
      weighted_value: "0.00",
    });
    expect(board.columns[0]?.count).toBe(2);
    expect(moveProspect(board, "a", "new")).toBe(board);
    expect(moveProspect(board, "zz", "won")).toBe(board);
  });
});

describe("task groups", () => {
  const now = new Date("2026-11-22T05:00:00Z"); // 12:00 in Jakarta
  it("sorts tasks into overdue, today, upcoming and done", () => {
    const groups = groupTasks(
      [
        { id: 1, status: "open", due_at: "2026-11-22T10:00:00Z" }, // 17:00 today
        { id: 2, status: "open", due_at: "2026-11-22T04:00:00Z" }, // 11:00 today, passed
        { id: 3, status: "open", due_at: "2026-11-22T17:30:00Z" }, // 00:30 tomorrow
        { id: 4, status: "done", due_at: "2026-11-20T00:00:00Z" },
        { id: 5, status: "cancelled", due_at: "2026-11-21T00:00:00Z" },
        { id: 6, status: "open", due_at: "2026-11-01T00:00:00Z" },
      ],
      now,
    );
    expect(groups.overdue.map((t) => t.id)).toEqual([6, 2]);
    expect(groups.today.map((t) => t.id)).toEqual([1]);
    expect(groups.upcoming.map((t) => t.id)).toEqual([3]);
    expect(groups.done.map((t) => t.id)).toEqual([5, 4]);
  });
});
