import { describe, expect, it } from "vitest";
import { SLA_STATUS_VALUES } from "@/api/enums.gen";
import { agentDot, slaBorder, slaColor, slaTone, workloadPercent } from "./status";

describe("SLA status colours", () => {
  it("is green when met, yellow at risk, red breached, grey without data", () => {
    expect(SLA_STATUS_VALUES.map(slaTone)).toEqual(["success", "warning", "danger", "muted"]);
    expect(slaColor("met")).toBe("#15803d");
    expect(slaColor("breached")).toBe("#b91c1c");
    expect(slaBorder("at_risk")).toBe("border-l-accent-500");
  });

  it("reads a status newer than the SPA as no data", () => {
    expect(slaTone("paused")).toBe("muted");
    expect(slaColor("paused")).toBe(slaColor("no_data"));
  });
});

describe("agent presence", () => {
  it("is a green, yellow or grey dot", () => {
    expect(agentDot("active")).toBe("bg-green-600");
    expect(agentDot("idle")).toBe("bg-accent-500");
    expect(agentDot("offline")).toBe("bg-slate-400");
    expect(agentDot("away")).toBe("bg-slate-400");
  });
});

describe("workloadPercent", () => {
  it("is the share of the busiest agent's open conversations", () => {
    expect(workloadPercent(5, 10)).toBe(50);
    expect(workloadPercent(10, 10)).toBe(100);
    expect(workloadPercent(1, 3)).toBe(33);
    expect(workloadPercent(0, 10)).toBe(0);
    expect(workloadPercent(3, 0)).toBe(0);
  });
});
