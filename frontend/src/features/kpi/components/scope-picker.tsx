import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Select } from "@/components/ui/select";
import { useMe } from "@/features/auth/api";
import { metricsQueryOptions, peopleQueryOptions } from "../api";
import { useDeptName } from "./use-dept-name";
import { parseScope, scopeOptions, scopeValue, type Scope, type ScopeOption } from "../lib/scope";

/**
 * Whose scorecard: myself, my team, a department, the company or one person — only
 * what the role may see (salespeople and staff get no picker: only their own).
 */
export function ScopePicker({
  value,
  onChange,
  assigneeName,
}: {
  value: Scope;
  onChange: (scope: Scope) => void;
  /** The name the scorecard came back with (a person not in the picker's list). */
  assigneeName?: string | null | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  const me = useMe();
  const people = useQuery(peopleQueryOptions(me));
  const metrics = useQuery(metricsQueryOptions);
  const deptName = useDeptName();
  const kpiDepts = [...new Set((metrics.data ?? []).map((m) => m.dept))];
  const options = scopeOptions(me, people.data ?? [], kpiDepts);
  if (options.length === 0) return null;

  const current = scopeValue(value);
  if (!options.some((o) => o.value === current)) {
    options.push({
      value: current,
      kind: value.kind,
      label: value.kind === "dept" ? value.dept : (assigneeName ?? t("kpi.scope.someone")),
    });
  }
  const text = (o: ScopeOption) => {
    switch (o.kind) {
      case "me":
        return t("kpi.scope.me");
      case "team":
        return t("kpi.scope.team");
      case "company":
        return t("kpi.scope.company");
      case "dept":
        return t("kpi.scope.dept", { dept: deptName(o.label ?? "") });
      default:
        return o.label ?? "";
    }
  };
  const groups = options.filter((o) => o.kind !== "user");
  const users = options.filter((o) => o.kind === "user");

  return (
    <div className="flex w-full flex-col gap-1 sm:w-64">
      <label htmlFor={id} className="text-xs font-medium text-slate-700">
        {t("kpi.scope.label")}
      </label>
      <Select
        id={id}
        value={current}
        onChange={(e) => {
          const next = parseScope(e.target.value);
          if (next) onChange(next);
        }}
        data-testid="kpi-scope"
      >
        {groups.map((o) => (
          <option key={o.value} value={o.value}>
            {text(o)}
          </option>
        ))}
        {users.length > 0 ? (
          <optgroup label={t("kpi.scope.people")}>
            {users.map((o) => (
              <option key={o.value} value={o.value}>
                {text(o)}
              </option>
            ))}
          </optgroup>
        ) : null}
      </Select>
    </div>
  );
}
