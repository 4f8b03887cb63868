import { useTranslation } from "react-i18next";
import { ROLE_VALUES, type Role } from "@/api/enums.gen";
import { Checkbox } from "@/components/ui/checkbox";
import { useRoleLabel } from "@/lib/labels";

/** The roles that read a post; none ticked = everyone. */
export function AudiencePicker({
  value,
  onChange,
  id,
}: {
  value: string[];
  onChange: (roles: Role[]) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const toggle = (role: Role, on: boolean) =>
    onChange(ROLE_VALUES.filter((r) => (r === role ? on : value.includes(r))));
  return (
    <fieldset
      id={id}
      className="grid gap-x-4 gap-y-1.5 rounded-md border border-border p-3 sm:grid-cols-3"
      data-testid="news-audience"
    >
      <legend className="sr-only">{t("news.dialog.audience")}</legend>
      {ROLE_VALUES.map((role) => (
        <label key={role} className="flex items-center gap-2 text-sm">
          <Checkbox
            checked={value.includes(role)}
            onChange={(e) => toggle(role, e.target.checked)}
            data-testid={`audience-${role}`}
          />
          {roleLabel(role)}
        </label>
      ))}
    </fieldset>
  );
}
