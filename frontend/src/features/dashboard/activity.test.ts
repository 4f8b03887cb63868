import { describe, expect, it } from "vitest";
import type { TicketEvent } from "@/lib/sse";
import { pushActivity, relativeTime } from "./activity";

const ticket = (code: string): TicketEvent => ({
  type: "ticket.created",
  id: code,
  ticket_code: code,
});

describe("pushActivity", () => {
  it("puts the newest first and keeps at most `size` items", () => {
    let feed = pushActivity([], ticket("A"), 1000, 1, 2);
    feed = pushActivity(feed, ticket("B"), 2000, 2, 2);
    feed = pushActivity(feed, ticket("C"), 3000, 3, 2);
    expect(feed.map((i) => (i.event.type === "ticket.created" ? i.event.ticket_code : ""))).toEqual(
      ["C", "B"],
    );
  });
  it("uses the event's own time, never later than its receipt", () => {
    const at = "2026-01-01T00:00:00Z";
    const received = Date.parse(at) + 5000;
    const [item] = pushActivity(
      [],
      { type: "broadcast_logs.created", broadcast_at: at },
      received,
      1,
    );
    expect(item?.at).toBe(Date.parse(at));
    const [future] = pushActivity([], { ...ticket("X"), at: "2030-01-01T00:00:00Z" }, received, 2);
    expect(future?.at).toBe(received);
    const [resync] = pushActivity([], { type: "resync" }, received, 3);
    expect(resync?.at).toBe(received);
  });
});

describe("relativeTime", () => {
  it("is null under a minute, then minutes, hours, days", () => {
    expect(relativeTime(0, 30_000, "en")).toBeNull();
    expect(relativeTime(0, 5 * 60_000, "en")).toBe("5 minutes ago");
    expect(relativeTime(0, 2 * 3_600_000, "en")).toBe("2 hours ago");
    expect(relativeTime(0, 86_400_000, "en")).toBe("yesterday");
    expect(relativeTime(0, 5 * 60_000, "id")).toBe("5 menit yang lalu");
  });
});
