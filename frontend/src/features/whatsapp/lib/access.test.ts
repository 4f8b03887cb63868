import { describe, expect, it } from "vitest";
import {
  assignsConversations,
  readsConversations,
  statusTargets,
  takes,
  worksConversations,
  worksOn,
} from "./access";

const agent = { id: "u-agent", role: "cs_agent" };
const admin = { id: "u-admin", role: "cs_admin" };

describe("conversation access", () => {
  it("follows the API's readers and workers", () => {
    expect(readsConversations("salesperson")).toBe(true);
    expect(readsConversations("director")).toBe(true);
    expect(readsConversations("sales_support")).toBe(false);
    expect(readsConversations("ops_exim")).toBe(false);
    expect(worksConversations("cs_agent")).toBe(true);
    expect(worksConversations("director")).toBe(false);
    expect(assignsConversations("cs_admin")).toBe(true);
    expect(assignsConversations("cs_agent")).toBe(false);
  });

  it("lets an agent work their own and unassigned conversations only", () => {
    expect(worksOn(agent, { assigned_to_user_id: null })).toBe(true);
    expect(worksOn(agent, { assigned_to_user_id: "u-agent" })).toBe(true);
    expect(worksOn(agent, { assigned_to_user_id: "u-other" })).toBe(false);
    expect(worksOn(admin, { assigned_to_user_id: "u-other" })).toBe(true);
    expect(worksOn({ id: "d", role: "director" }, {})).toBe(false);
  });

  it("offers taking an unassigned, unresolved conversation to CS", () => {
    expect(takes(agent, { status: "open" })).toBe(true);
    expect(takes(agent, { status: "open", assigned_to_user_id: "u-other" })).toBe(false);
    expect(takes(agent, { status: "resolved" })).toBe(false);
    expect(takes({ id: "s", role: "salesperson" }, { status: "open" })).toBe(false);
  });

  it("parks or resolves an open conversation and only reopens a resolved one", () => {
    expect(statusTargets("open")).toEqual(["pending", "resolved"]);
    expect(statusTargets("pending")).toEqual(["open", "resolved"]);
    expect(statusTargets("resolved")).toEqual(["open"]);
    expect(statusTargets("archived")).toEqual([]);
  });
});
