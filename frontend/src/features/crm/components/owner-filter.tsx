import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Select } from "@/components/ui/select";
import { useMe } from "@/features/auth/api";
import { isOneOf } from "@/lib/enums";
import { ownerScope, SALES_ROLES } from "../access";
import { peopleQueryOptions } from "../work-api";

/**
 * Whose records a page shows: "" (everyone in my scope), `me`, or a user id. Roles
 * that only see their own records get no picker.
 */
export function OwnerFilter({
  value,
  onChange,
  allowAll = true,
  allValue = "",
}: {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  /** Offer "everyone in my scope" (off where the page is personal, e.g. to-dos). */
  allowAll?: boolean;
  /** The value that stands for "everyone in my scope" (default: empty). */
  allValue?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const me = useMe();
  const scope = ownerScope(me);
  const people = useQuery({
    ...peopleQueryOptions(scope.kind === "team" ? scope.managerId : null),
    enabled: scope.kind !== "self",
  });
  if (scope.kind === "self") return null;

  const options = (people.data?.data ?? []).filter(
    (u) => u.id !== me.id && (scope.kind === "team" || isOneOf(SALES_ROLES, u.role)),
  );
  // A sales support user works for their manager, who is not in the "team" list.
  const manager = scope.kind === "team" && scope.managerId !== me.id ? scope.managerId : null;

  return (
    <div className="flex w-full flex-col gap-1 sm:w-56">
      <label htmlFor={id} className="text-xs font-medium text-slate-700">
        {t("crm.owner.label")}
      </label>
      <Select
        id={id}
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value || undefined)}
        data-testid="owner-filter"
      >
        {allowAll ? (
          <option value={allValue}>
            {scope.kind === "team" ? t("crm.owner.team") : t("crm.owner.all")}
          </option>
        ) : null}
        <option value="me">{t("crm.owner.me")}</option>
        {manager ? <option value={manager}>{t("crm.owner.myManager")}</option> : null}
        {options.map((u) => (
          <option key={u.id} value={u.id}>
            {u.full_name}
          </option>
        ))}
      </Select>
    </div>
  );
}
