import { describe, expect, it } from "vitest";
import { KPI_STATUS_VALUES } from "@/api/enums.gen";
import {
  barPercent,
  countByStatus,
  mostBehind,
  statusBarClass,
  statusColor,
  statusTone,
} from "./status";

describe("KPI status colours", () => {
  it("colours every status, and an unknown one as NA", () => {
    expect(statusTone("on_track")).toBe("success");
    expect(statusTone("at_risk")).toBe("warning");
    expect(statusTone("behind")).toBe("danger");
    expect(statusTone("na")).toBe("muted");
    expect(statusTone("no_target")).toBe("default");
    expect(statusTone("exploded")).toBe("muted");
    expect(statusBarClass("behind")).toBe("bg-danger");
    expect(statusBarClass("exploded")).toBe(statusBarClass("na"));
    expect(new Set(KPI_STATUS_VALUES.map(statusColor)).size).toBe(KPI_STATUS_VALUES.length);
  });

  it("fills the bar from 0 to 100", () => {
    expect(barPercent("90.00")).toBe(90);
    expect(barPercent("135.5")).toBe(100);
    expect(barPercent("-3")).toBe(0);
    expect(barPercent(null)).toBe(0);
    expect(barPercent("abc")).toBe(0);
  });

  it("lists the rows most behind: behind, then at risk, then on track, lowest first", () => {
    const rows = [
      { key: "a", status: "on_track", achievement_pct: "98.00" },
      { key: "b", status: "behind", achievement_pct: "40.00" },
      { key: "c", status: "na", achievement_pct: null },
      { key: "d", status: "at_risk", achievement_pct: "80.00" },
      { key: "e", status: "behind", achievement_pct: "12.50" },
      { key: "f", status: "no_target", achievement_pct: null },
      { key: "g", status: "on_track", achievement_pct: "120.00" },
    ];
    expect(mostBehind(rows, 4).map((r) => r.key)).toEqual(["e", "b", "d", "a"]);
    expect(mostBehind(rows, 10).map((r) => r.key)).toEqual(["e", "b", "d", "a", "g"]);
    expect(mostBehind([{ status: "na" }])).toEqual([]);
  });

  it("counts rows per status, every status present", () => {
    const counts = countByStatus([
      { status: "behind" },
      { status: "behind" },
      { status: "na" },
      { status: "mystery" },
    ]);
    expect(counts).toEqual({ on_track: 0, at_risk: 0, behind: 2, na: 1, no_target: 0 });
  });
});
