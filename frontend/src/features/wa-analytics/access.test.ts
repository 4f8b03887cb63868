import { describe, expect, it } from "vitest";
import { ROLE_VALUES } from "@/api/enums.gen";
import { picksAgents, readsWaDashboards } from "./access";

describe("CRM Effectiveness access", () => {
  it("is for management and CS only", () => {
    expect(ROLE_VALUES.filter(readsWaDashboards)).toEqual([
      "super_admin",
      "director",
      "cs_admin",
      "cs_agent",
    ]);
    expect(readsWaDashboards("salesperson")).toBe(false);
    expect(readsWaDashboards("role_from_the_future")).toBe(false);
  });

  it("offers the agent filter to everyone but the CS agent", () => {
    expect(picksAgents("cs_admin")).toBe(true);
    expect(picksAgents("director")).toBe(true);
    expect(picksAgents("cs_agent")).toBe(false);
    expect(picksAgents("salesperson")).toBe(false);
  });
});
