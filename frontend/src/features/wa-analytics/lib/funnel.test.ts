import { describe, expect, it } from "vitest";
import { funnelSteps, funnelWidth } from "./funnel";

describe("funnelSteps", () => {
  it("goes sent → delivered → read, then failed, with the API's rates", () => {
    const steps = funnelSteps({
      sent: 200,
      delivered: 180,
      read: 120,
      failed: 20,
      delivery_rate: 90,
      read_rate: 60,
      failure_rate: 10,
    });
    expect(steps.map((s) => [s.key, s.count, s.rate])).toEqual([
      ["sent", 200, 100],
      ["delivered", 180, 90],
      ["read", 120, 60],
      ["failed", 20, 10],
    ]);
  });

  it("has no rates when nothing was sent", () => {
    const steps = funnelSteps({ sent: 0, delivered: 0, read: 0, failed: 0 });
    expect(steps.every((s) => s.rate === null)).toBe(true);
  });
});

describe("funnelWidth", () => {
  it("is the share of the messages sent", () => {
    expect(funnelWidth(90, 200)).toBe(45);
    expect(funnelWidth(200, 200)).toBe(100);
    expect(funnelWidth(5, 0)).toBe(0);
  });
});
