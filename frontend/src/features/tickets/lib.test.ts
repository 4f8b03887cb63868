import { describe, expect, it } from "vitest";
import {
  assignsTickets,
  createsTickets,
  nextStatuses,
  parseView,
  slaSummary,
  viewToAssignedTo,
} from "./lib";

describe("ticket rules", () => {
  it("offers only the allowed transitions", () => {
    expect(nextStatuses("open")).toEqual(["in_progress", "pending", "on_hold", "closed"]);
    expect(nextStatuses("in_progress")).toEqual(["pending", "on_hold", "closed"]);
    expect(nextStatuses("pending")).toEqual(["in_progress", "on_hold", "closed"]);
    expect(nextStatuses("on_hold")).toEqual(["in_progress", "pending", "closed"]);
    expect(nextStatuses("closed")).toEqual(["in_progress"]);
    expect(nextStatuses("bogus")).toEqual([]);
  });

  it("knows who assigns and who creates", () => {
    expect(assignsTickets("cs_admin")).toBe(true);
    expect(assignsTickets("cs_agent")).toBe(false);
    expect(createsTickets("cs_agent")).toBe(true);
    expect(createsTickets("director")).toBe(false);
    expect(createsTickets("ops_exim")).toBe(false);
  });

  it("maps queue tabs to assigned_to", () => {
    expect(parseView(undefined, "cs_agent")).toBe("mine");
    expect(parseView("all", "cs_agent")).toBe("mine");
    expect(parseView(undefined, "cs_admin")).toBe("all");
    expect(viewToAssignedTo("unassigned")).toBe("unassigned");
    expect(viewToAssignedTo("all")).toBeUndefined();
  });

  it("summarises the SLA from the events", () => {
    const open = slaSummary({ status: "open" }, [
      { event_type: "OPENED", occurred_at: "2026-01-01T00:00:00Z" },
    ]);
    expect(open).toEqual({ firstResponseAt: null, closed: false, closedAt: null });
    const done = slaSummary({ status: "closed", closed_at: "2026-01-02T00:00:00Z" }, [
      { event_type: "FIRST_RESPONSE", occurred_at: "2026-01-01T01:00:00Z" },
    ]);
    expect(done.firstResponseAt).toBe("2026-01-01T01:00:00Z");
    expect(done.closedAt).toBe("2026-01-02T00:00:00Z");
  });
});
