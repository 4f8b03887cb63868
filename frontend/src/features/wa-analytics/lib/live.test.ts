import { describe, expect, it } from "vitest";
import { refreshesDashboard, throttleDelay } from "./live";

describe("live refresh", () => {
  it("reacts to conversations, tickets and a resync, not to broadcasts", () => {
    expect(refreshesDashboard({ type: "conversation.updated", id: "c" })).toBe(true);
    expect(refreshesDashboard({ type: "ticket.updated", id: "t" })).toBe(true);
    expect(refreshesDashboard({ type: "resync" })).toBe(true);
    expect(refreshesDashboard({ type: "ticket.commented", id: "t" })).toBe(false);
    expect(refreshesDashboard({ type: "broadcast_logs.created" })).toBe(false);
  });

  it("refetches at once, then at most once per window", () => {
    expect(throttleDelay(null, 1_000)).toBe(0);
    expect(throttleDelay(1_000, 2_000, 5_000)).toBe(4_000);
    expect(throttleDelay(1_000, 6_000, 5_000)).toBe(0);
    expect(throttleDelay(1_000, 60_000, 5_000)).toBe(0);
  });
});
