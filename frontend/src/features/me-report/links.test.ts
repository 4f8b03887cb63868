import { describe, expect, it } from "vitest";
import { keepsTasks } from "./access";
import { activitiesLink, leadsLink, myCustomersLink, ticketsLink } from "./links";

const range = { from: "2026-11-01", to: "2026-11-30", period: "2026-11", as_of: "2026-11-20" };

describe("report links", () => {
  it("filter the module lists to me and the month", () => {
    expect(leadsLink(range, "sales")).toBe("/crm/leads?owner=me&from=2026-11-01&to=2026-11-30");
    expect(leadsLink(range, "marketing", "&status=new")).toBe(
      "/crm/leads?marketing_owner=me&from=2026-11-01&to=2026-11-30&status=new",
    );
    expect(activitiesLink(range, "&type=visit")).toContain("owner=me");
    expect(ticketsLink(range)).toContain("view=mine");
    expect(myCustomersLink(range)).toBe("/dso/my-customers?as_of=2026-11-20");
  });
});

describe("keepsTasks", () => {
  it("is for CRM and DSO roles that write, not the director, CS or Operations", () => {
    expect(keepsTasks({ role: "salesperson", menus: ["dashboard", "crm", "dso"] })).toBe(true);
    expect(keepsTasks({ role: "finance_staff", menus: ["dashboard", "dso"] })).toBe(true);
    expect(keepsTasks({ role: "director", menus: ["dashboard", "crm", "dso"] })).toBe(false);
    expect(keepsTasks({ role: "cs_agent", menus: ["dashboard", "ticketing"] })).toBe(false);
  });
});
