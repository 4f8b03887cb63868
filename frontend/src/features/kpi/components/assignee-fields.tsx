import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { AssigneeKind } from "@/api/enums.gen";
import { EnumOptions } from "@/components/form/enum-options";
import { FormField } from "@/components/form/form-field";
import { Select } from "@/components/ui/select";
import { useMe } from "@/features/auth/api";
import { departmentsQueryOptions, peopleQueryOptions } from "../api";
import { ASSIGNEE_KIND_LABEL } from "../labels";

export interface AssigneeValue {
  assignee_kind: string;
  assignee_user_id: string;
  assignee_dept: string;
}

/**
 * Whom a target or an entry is for: the kind (user, team, department, company) and the
 * person (a team is named by its manager) or the department, from what the role may
 * pick (myself first, then the people of my team or department).
 */
export function AssigneeFields({
  value,
  onChange,
  kinds,
  errors,
}: {
  value: AssigneeValue;
  onChange: (patch: Partial<AssigneeValue>) => void;
  kinds: readonly AssigneeKind[];
  errors: Partial<Record<keyof AssigneeValue, string | undefined>>;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const people = useQuery(peopleQueryOptions(me));
  const departments = useQuery(departmentsQueryOptions);
  const kind = value.assignee_kind;
  const others = (people.data ?? []).filter((p) => p.id !== me.id);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <FormField
        label={t("kpi.fields.assigneeKind")}
        error={errors.assignee_kind}
        name="assignee_kind"
      >
        <Select
          value={kind}
          onChange={(e) => onChange({ assignee_kind: e.target.value })}
          data-testid="assignee-kind"
        >
          <EnumOptions values={kinds} labels={ASSIGNEE_KIND_LABEL} />
        </Select>
      </FormField>
      {kind === "user" || kind === "team" ? (
        <FormField
          label={kind === "team" ? t("kpi.fields.teamManager") : t("kpi.fields.person")}
          error={errors.assignee_user_id}
          name="assignee_user_id"
        >
          <Select
            value={value.assignee_user_id}
            onChange={(e) => onChange({ assignee_user_id: e.target.value })}
            data-testid="assignee-user"
          >
            <option value="">{t("kpi.fields.choosePerson")}</option>
            <option value={me.id}>{t("kpi.fields.myself", { name: me.full_name })}</option>
            {others.map((p) => (
              <option key={p.id} value={p.id}>
                {p.full_name}
              </option>
            ))}
          </Select>
        </FormField>
      ) : null}
      {kind === "dept" ? (
        <FormField label={t("kpi.fields.dept")} error={errors.assignee_dept} name="assignee_dept">
          <Select
            value={value.assignee_dept}
            onChange={(e) => onChange({ assignee_dept: e.target.value })}
            data-testid="assignee-dept"
          >
            <option value="">{t("kpi.fields.chooseDept")}</option>
            {(departments.data ?? []).map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </Select>
        </FormField>
      ) : null}
    </div>
  );
}
