/**
 * Whose scorecard a page shows, kept in the URL as one `scope` value: `me`,
 * `user:<id>`, `team:<manager id>`, `dept:<code>` or `company`; and what each role may
 * pick (SPEC §3, the API's kpi_may_view): everyone themselves; managers their team
 * and its members; a department's manager (marketing, finance) the department and its
 * people; the director and super admin the company, any department and anyone.
 */
import type { Me } from "@/api/types";
import { managedDept, readsAllKpi } from "../access";

export type Scope =
  | { kind: "me" }
  | { kind: "user"; id: string }
  | { kind: "team"; id: string }
  | { kind: "dept"; dept: string }
  | { kind: "company" };

export type ScopeKind = Scope["kind"];

/** The scope parameters of GET kpi/scorecard, kpi/trend and exports/kpi-scorecard. */
export interface ScopeParams {
  assignee_user_id?: string;
  team?: string;
  dept?: string;
  company?: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseScope(raw: unknown): Scope | null {
  if (typeof raw !== "string") return null;
  if (raw === "me") return { kind: "me" };
  if (raw === "company") return { kind: "company" };
  const [kind, value = ""] = raw.split(/:(.*)/s);
  if ((kind === "user" || kind === "team") && UUID.test(value)) return { kind, id: value };
  if (kind === "dept" && /^[A-Z]{2,8}$/.test(value)) return { kind, dept: value };
  return null;
}

export function scopeValue(scope: Scope): string {
  switch (scope.kind) {
    case "user":
    case "team":
      return `${scope.kind}:${scope.id}`;
    case "dept":
      return `dept:${scope.dept}`;
    default:
      return scope.kind;
  }
}

export function scopeParams(scope: Scope): ScopeParams {
  switch (scope.kind) {
    case "user":
      return { assignee_user_id: scope.id };
    case "team":
      return { team: scope.id };
    case "dept":
      return { dept: scope.dept };
    case "company":
      return { company: true };
    default:
      return {};
  }
}

export interface ScopeRights {
  /** The whole company and any department (director, super admin). */
  all: boolean;
  /** The department a manager may see whole (marketing MKT, finance FIN). */
  dept: string | null;
  /** Whose people the picker lists. */
  people: "none" | "team" | "dept" | "all";
}

export function scopeRights(me: Pick<Me, "role">): ScopeRights {
  if (readsAllKpi(me.role)) return { all: true, dept: null, people: "all" };
  if (me.role === "sales_manager") return { all: false, dept: null, people: "team" };
  const dept = managedDept(me.role);
  return dept ? { all: false, dept, people: "dept" } : { all: false, dept: null, people: "none" };
}

/** What the page shows without a `scope` in the URL. */
export function defaultScope(me: Pick<Me, "role">): Scope {
  return readsAllKpi(me.role) ? { kind: "company" } : { kind: "me" };
}

/**
 * The dashboard's "KPI highlights": the area a role answers for — the director's and
 * super admin's company, a marketing or sales manager's team, the finance manager's
 * department, everyone else their own.
 */
export function highlightScope(me: Pick<Me, "id" | "role">): Scope {
  if (readsAllKpi(me.role)) return { kind: "company" };
  if (me.role === "marketing_manager" || me.role === "sales_manager") {
    return { kind: "team", id: me.id };
  }
  const dept = scopeRights(me).dept;
  return dept ? { kind: "dept", dept } : { kind: "me" };
}

/** The URL's scope, or the role's default when it is missing or unreadable. */
export function scopeFrom(raw: unknown, me: Pick<Me, "role">): Scope {
  return parseScope(raw) ?? defaultScope(me);
}

export interface Person {
  id: string;
  full_name: string;
  manager_user_id?: string | null | undefined;
}

export interface ScopeOption {
  value: string;
  kind: ScopeKind;
  /** A person's name (user), or the department code (dept). */
  label?: string;
}

/**
 * The picker's options in order: me, my team (when I manage anyone), the departments,
 * the company, then people (never myself twice). Empty when only "me" is possible.
 */
export function scopeOptions(
  me: Pick<Me, "id" | "role">,
  people: readonly Person[],
  kpiDepts: readonly string[],
): ScopeOption[] {
  const rights = scopeRights(me);
  const options: ScopeOption[] = [{ value: "me", kind: "me" }];
  if (rights.people !== "none" && people.some((p) => p.manager_user_id === me.id)) {
    options.push({ value: `team:${me.id}`, kind: "team" });
  }
  const depts = rights.all ? kpiDepts : rights.dept ? [rights.dept] : [];
  for (const dept of depts) options.push({ value: `dept:${dept}`, kind: "dept", label: dept });
  if (rights.all) options.push({ value: "company", kind: "company" });
  if (rights.people !== "none") {
    for (const p of people) {
      if (p.id !== me.id) options.push({ value: `user:${p.id}`, kind: "user", label: p.full_name });
    }
  }
  return options.length > 1 ? options : [];
}
