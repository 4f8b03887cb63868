import { useTranslation } from "react-i18next";
import { useDeptName } from "../components/use-dept-name";

interface Assigned {
  assignee_kind: string;
  assignee_user_id?: string | null | undefined;
  assignee_user_name?: string | null | undefined;
  assignee_dept?: string | null | undefined;
}

/** Whom a target or an entry is for, in words ("Tim Budi", "Departemen Keuangan", …). */
export function useAssigneeLabel(): (row: Assigned) => string {
  const { t } = useTranslation();
  const deptName = useDeptName();
  return (row) => {
    const name = row.assignee_user_name ?? row.assignee_user_id ?? "";
    switch (row.assignee_kind) {
      case "team":
        return t("kpi.scope.teamOf", { name });
      case "dept":
        return t("kpi.scope.dept", { dept: deptName(row.assignee_dept ?? "") });
      case "company":
        return t("kpi.scope.company");
      default:
        return name;
    }
  };
}
