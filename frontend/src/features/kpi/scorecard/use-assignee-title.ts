import { useTranslation } from "react-i18next";
import { useMe } from "@/features/auth/api";
import { useDeptName } from "../components/use-dept-name";
import type { Scope } from "../lib/scope";

/** Whose scorecard it is, in words: "Tim Budi", "Departemen Marketing", "Perusahaan", a name. */
export function useAssigneeTitle(): (
  scope: Scope,
  card: { assignee: { name?: string | null } } | undefined,
) => string {
  const { t } = useTranslation();
  const me = useMe();
  const deptName = useDeptName();
  return (scope, card) => {
    const a = card?.assignee;
    switch (scope.kind) {
      case "me":
        return me.full_name;
      case "team":
        return t("kpi.scope.teamOf", { name: a?.name ?? me.full_name });
      case "dept":
        return t("kpi.scope.dept", { dept: deptName(scope.dept) });
      case "company":
        return t("kpi.scope.company");
      default:
        return a?.name ?? t("kpi.scope.someone");
    }
  };
}
