import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { formatDate } from "@/lib/format";
import { isDay } from "../lib/as-of";
import { DayInput } from "@/components/form/day-input";

/**
 * The report day of a page (`as_of` in the URL): every figure on the page is computed
 * for it. Empty means today; a future or unreadable day is refused here, not sent.
 */
export function AsOfPicker({
  value,
  today,
  onChange,
}: {
  value: string | undefined;
  today: string;
  onChange: (asOf: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [invalid, setInvalid] = useState(false);
  const day = value ?? today;
  return (
    <div className="flex flex-col gap-1" data-testid="as-of">
      <label htmlFor={id} className="text-xs font-medium text-slate-700">
        {t("ar.asOf.label")}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <DayInput
          id={id}
          value={day}
          max={today}
          aria-invalid={invalid || undefined}
          aria-describedby={`${id}-hint`}
          data-testid="as-of-input"
          onChange={(next) => {
            const ok = next === "" || (isDay(next) && next <= today);
            setInvalid(!ok);
            if (ok) onChange(next === "" || next === today ? undefined : next);
          }}
        />
        {value ? (
          <Button
            type="button"
            variant="ghost"
            size="sm"
            onClick={() => {
              setInvalid(false);
              onChange(undefined);
            }}
          >
            {t("ar.asOf.today")}
          </Button>
        ) : null}
      </div>
      <p
        id={`${id}-hint`}
        className={invalid ? "text-xs font-medium text-danger" : "text-xs text-muted"}
        data-testid="as-of-hint"
      >
        {invalid ? t("ar.asOf.invalid") : t("ar.asOf.hint", { date: formatDate(day) })}
      </p>
    </div>
  );
}
