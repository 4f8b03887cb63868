import { describe, expect, it } from "vitest";
import { DRILLDOWN_RESOURCE_VALUES } from "@/api/enums.gen";
import { drilldownLink } from "./drilldown";

const U = "22222222-2222-4222-8222-222222222222";
const NOV = { from: "2026-11-01", to: "2026-11-30" };

describe("drill-down links", () => {
  it("opens every resource the API names", () => {
    for (const r of DRILLDOWN_RESOURCE_VALUES)
      expect(drilldownLink(r, NOV, "2026-12-07")).not.toBeNull();
    expect(drilldownLink("spaceships", NOV, "2026-12-07")).toBeNull();
  });

  it("passes the days and the owner where the page filters by them", () => {
    expect(drilldownLink("activities", { ...NOV, user_id: U }, "2026-12-07")).toEqual({
      href: `/crm/activities?from=2026-11-01&to=2026-11-30&owner=${U}`,
      menu: "crm",
    });
    expect(drilldownLink("invoices", NOV, "2026-12-07")?.href).toBe(
      "/dso/invoices?from=2026-11-01&to=2026-11-30",
    );
    expect(drilldownLink("tickets", { ...NOV, user_id: U }, "2026-12-07")).toEqual({
      href: "/ticketing/tickets?from=2026-11-01&to=2026-11-30",
      menu: "ticketing",
    });
    expect(drilldownLink("marketing_events", NOV, "2026-12-07")?.href).toBe(
      "/crm/marketing?tab=events&from=2026-11-01&to=2026-11-30",
    );
  });

  it("does not filter leads by sales owner (leads count for their marketing owner)", () => {
    expect(drilldownLink("leads", { ...NOV, user_id: U }, "2026-12-07")?.href).toBe(
      "/crm/leads?from=2026-11-01&to=2026-11-30",
    );
    expect(drilldownLink("customers", { ...NOV, user_id: U }, "2026-12-07")?.href).toBe(
      `/crm/customers?owner=${U}`,
    );
    expect(drilldownLink("customers", NOV, "2026-12-07")?.href).toBe("/crm/customers");
  });

  it("shows AR as of a past period's end, today's for a running one", () => {
    expect(drilldownLink("ar_outstanding", NOV, "2026-12-07")?.href).toBe("/dso?as_of=2026-11-30");
    expect(
      drilldownLink("ar_outstanding", { from: "2026-12-01", to: "2026-12-31" }, "2026-12-07")?.href,
    ).toBe("/dso");
  });
});
