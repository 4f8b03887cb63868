import { describe, expect, it } from "vitest";
import {
  defaultScope,
  highlightScope,
  parseScope,
  scopeFrom,
  scopeOptions,
  scopeParams,
  scopeValue,
} from "./scope";

const ME = "11111111-1111-4111-8111-111111111111";
const A = "22222222-2222-4222-8222-222222222222";
const B = "33333333-3333-4333-8333-333333333333";

const people = [
  { id: ME, full_name: "Me", manager_user_id: null },
  { id: A, full_name: "Ani", manager_user_id: ME },
  { id: B, full_name: "Budi", manager_user_id: A },
];

describe("scorecard scope", () => {
  it("round-trips through the URL and refuses anything else", () => {
    for (const raw of ["me", "company", `user:${A}`, `team:${ME}`, "dept:MKT"]) {
      const scope = parseScope(raw);
      expect(scope).not.toBeNull();
      if (scope) expect(scopeValue(scope)).toBe(raw);
    }
    for (const bad of ["user:nope", "team:", "dept:mkt", "dept:", "everyone", "", undefined]) {
      expect(parseScope(bad)).toBeNull();
    }
  });

  it("asks the API with exactly one scope parameter (none for myself)", () => {
    expect(scopeParams({ kind: "me" })).toEqual({});
    expect(scopeParams({ kind: "user", id: A })).toEqual({ assignee_user_id: A });
    expect(scopeParams({ kind: "team", id: ME })).toEqual({ team: ME });
    expect(scopeParams({ kind: "dept", dept: "FIN" })).toEqual({ dept: "FIN" });
    expect(scopeParams({ kind: "company" })).toEqual({ company: true });
  });

  it("opens on the company for the director and super admin, on me for everyone else", () => {
    expect(defaultScope({ role: "director" })).toEqual({ kind: "company" });
    expect(defaultScope({ role: "super_admin" })).toEqual({ kind: "company" });
    expect(defaultScope({ role: "salesperson" })).toEqual({ kind: "me" });
    expect(scopeFrom("garbage", { role: "marketing_manager" })).toEqual({ kind: "me" });
    expect(scopeFrom("dept:MKT", { role: "marketing_manager" })).toEqual({
      kind: "dept",
      dept: "MKT",
    });
  });

  it("highlights on the dashboard what a role answers for", () => {
    expect(highlightScope({ id: ME, role: "director" })).toEqual({ kind: "company" });
    expect(highlightScope({ id: ME, role: "sales_manager" })).toEqual({ kind: "team", id: ME });
    expect(highlightScope({ id: ME, role: "marketing_manager" })).toEqual({ kind: "team", id: ME });
    expect(highlightScope({ id: ME, role: "finance_manager" })).toEqual({
      kind: "dept",
      dept: "FIN",
    });
    expect(highlightScope({ id: ME, role: "salesperson" })).toEqual({ kind: "me" });
  });

  it("offers salespeople and staff nothing but themselves (no picker)", () => {
    expect(scopeOptions({ id: ME, role: "salesperson" }, people, ["MKT", "SAL"])).toEqual([]);
    expect(scopeOptions({ id: ME, role: "marketing_staff" }, [], ["MKT"])).toEqual([]);
  });

  it("offers a sales manager their team and its people, no department", () => {
    const values = scopeOptions({ id: ME, role: "sales_manager" }, people, ["MKT", "SAL"]).map(
      (o) => o.value,
    );
    expect(values).toEqual(["me", `team:${ME}`, `user:${A}`, `user:${B}`]);
  });

  it("offers a department's manager the department, never the company", () => {
    const values = scopeOptions({ id: ME, role: "marketing_manager" }, people, ["MKT", "SAL"]).map(
      (o) => o.value,
    );
    expect(values).toEqual(["me", `team:${ME}`, "dept:MKT", `user:${A}`, `user:${B}`]);
    const finance = scopeOptions({ id: B, role: "finance_manager" }, [], ["FIN"]).map(
      (o) => o.value,
    );
    expect(finance).toEqual(["me", "dept:FIN"]);
  });

  it("offers the director every department, the company and everyone", () => {
    const values = scopeOptions({ id: B, role: "director" }, people, ["MKT", "FIN"]).map(
      (o) => o.value,
    );
    expect(values).toEqual(["me", "dept:MKT", "dept:FIN", "company", `user:${ME}`, `user:${A}`]);
  });
});
