import { describe, expect, it } from "vitest";
import { ROLE_VALUES } from "@/api/enums.gen";
import { closesPeriods, closingDept } from "./access";

const TARGET_SETTERS = [
  "super_admin",
  "marketing_manager",
  "sales_manager",
  "finance_manager",
  "cs_admin",
] as const;

const withCapability = (role: (typeof ROLE_VALUES)[number]) => ({
  role,
  capabilities: (TARGET_SETTERS as readonly string[]).includes(role) ? ["kpi_targets:manage"] : [],
});

describe("period close rights", () => {
  it("super admin and the marketing, finance and CS managers close; nobody else", () => {
    const closers = ROLE_VALUES.filter((r) => closesPeriods(withCapability(r)));
    expect(closers).toEqual(["super_admin", "marketing_manager", "finance_manager", "cs_admin"]);
  });

  it("needs the target capability too", () => {
    expect(closesPeriods({ role: "marketing_manager", capabilities: [] })).toBe(false);
  });

  it("fixes a manager's department; super admin picks any", () => {
    expect(closingDept("marketing_manager")).toBe("MKT");
    expect(closingDept("finance_manager")).toBe("FIN");
    expect(closingDept("cs_admin")).toBe("CS");
    expect(closingDept("super_admin")).toBeNull();
    expect(closingDept("sales_manager")).toBeNull();
  });
});
