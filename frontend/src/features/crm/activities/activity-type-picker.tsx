import { useTranslation } from "react-i18next";
import { ACTIVITY_TYPE_VALUES, type ActivityType } from "@/api/enums.gen";
import { cn } from "@/lib/utils";
import { useActivityTypeLabel } from "../labels";
import { ActivityTypeIcon } from "./activity-type";

/** The activity type as a row of icon buttons (a radio group). */
export function ActivityTypePicker({
  value,
  onChange,
}: {
  value: ActivityType;
  onChange: (type: ActivityType) => void;
}) {
  const { t } = useTranslation();
  const typeLabel = useActivityTypeLabel();
  return (
    <fieldset>
      <legend className="mb-1.5 text-sm font-medium text-foreground">{t("crm.log.type")}</legend>
      <div
        role="radiogroup"
        aria-label={t("crm.log.type")}
        className="grid grid-cols-3 gap-1.5 sm:grid-cols-5"
      >
        {ACTIVITY_TYPE_VALUES.map((ty) => (
          <button
            key={ty}
            type="button"
            role="radio"
            aria-checked={value === ty}
            data-testid={`activity-type-${ty}`}
            onClick={() => onChange(ty)}
            className={cn(
              "flex flex-col items-center gap-1 rounded-md border px-1 py-2 text-xs font-medium transition-colors",
              value === ty
                ? "border-navy-900 bg-navy-900 text-white"
                : "border-border bg-surface text-foreground hover:bg-navy-50",
            )}
          >
            <ActivityTypeIcon type={ty} className="size-5" />
            {typeLabel(ty)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
