import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { FormField } from "@/components/form/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useMe } from "@/features/auth/api";
import { ownerScope } from "../access";
import { peopleQueryOptions } from "../work-api";
import type { Errors } from "./activity-form-rules";

/** The follow-up an activity may schedule (it becomes a task). */
export function NextActionFields({
  nextAction,
  nextActionAt,
  errors,
  onNextAction,
  onNextActionAt,
}: {
  nextAction: string;
  nextActionAt: string;
  errors: Errors;
  onNextAction: (value: string) => void;
  onNextActionAt: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="grid gap-3 sm:grid-cols-[1fr_auto]">
      <legend className="mb-1.5 text-sm font-medium text-foreground">
        {t("crm.log.nextAction")}{" "}
        <span className="font-normal text-muted">({t("common.optional")})</span>
      </legend>
      <FormField label={t("crm.log.nextActionWhat")} error={errors.next_action} name="next_action">
        <Input
          value={nextAction}
          onChange={(e) => onNextAction(e.target.value)}
          placeholder={t("crm.log.nextActionPlaceholder")}
          data-testid="activity-next-action"
        />
      </FormField>
      <FormField
        label={t("crm.log.nextActionAt")}
        error={errors.next_action_at}
        name="next_action_at"
      >
        <Input
          type="datetime-local"
          value={nextActionAt}
          onChange={(e) => onNextActionAt(e.target.value)}
          data-testid="activity-next-action-at"
        />
      </FormField>
    </fieldset>
  );
}

/** A sales manager (or their support) may log an activity for someone on the team. */
export function LoggedForField({
  value,
  onChange,
}: {
  value: string;
  onChange: (ownerId: string) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const scope = ownerScope(me);
  const people = useQuery({
    ...peopleQueryOptions(scope.kind === "team" ? scope.managerId : null),
    enabled: scope.kind === "team",
  });
  if (scope.kind !== "team" || (people.data?.data.length ?? 0) === 0) return null;
  return (
    <FormField label={t("crm.log.loggedFor")} name="owner_user_id" optional>
      <Select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t("crm.owner.me")}</option>
        {scope.managerId !== me.id ? (
          <option value={scope.managerId}>{t("crm.owner.myManager")}</option>
        ) : null}
        {(people.data?.data ?? [])
          .filter((u) => u.id !== me.id)
          .map((u) => (
            <option key={u.id} value={u.id}>
              {u.full_name}
            </option>
          ))}
      </Select>
    </FormField>
  );
}
