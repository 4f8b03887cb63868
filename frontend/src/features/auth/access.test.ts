import { describe, expect, it } from "vitest";
import { hasCapability, safeRedirect, visibleMenus } from "./access";

describe("access helpers", () => {
  it("shows exactly the server's menus, in the fixed order", () => {
    expect(visibleMenus({ menus: ["dso", "dashboard", "unknown"] })).toEqual(["dashboard", "dso"]);
    expect(visibleMenus({ menus: ["ticketing", "crm", "kpi", "dashboard", "dso"] })).toEqual([
      "dashboard",
      "kpi",
      "crm",
      "ticketing",
      "dso",
    ]);
  });

  it("checks capabilities", () => {
    expect(hasCapability({ capabilities: ["users:manage"] }, "users:manage")).toBe(true);
    expect(hasCapability({ capabilities: [] }, "api_keys:manage")).toBe(false);
  });

  it("accepts only local redirects", () => {
    expect(safeRedirect("/crm/leads?page=2")).toBe("/crm/leads?page=2");
    expect(safeRedirect("//evil.example")).toBe("/");
    expect(safeRedirect("https://evil.example")).toBe("/");
    expect(safeRedirect("/login?redirect=/x")).toBe("/");
    expect(safeRedirect(undefined)).toBe("/");
  });
});
