import { useId } from "react";
import { useTranslation } from "react-i18next";
import { isDay } from "@/lib/day";
import { DayInput } from "./day-input";

/**
 * Two days (Jakarta calendar dates) shown and typed as dd/mm/yyyy whatever the
 * browser's locale; they travel as `YYYY-MM-DD`. An empty field clears that bound.
 */
export function DateRangeFilter({
  from,
  to,
  onChange,
}: {
  from: string | undefined;
  to: string | undefined;
  onChange: (range: { from: string | undefined; to: string | undefined }) => void;
}) {
  const { t } = useTranslation();
  const fromId = useId();
  const toId = useId();
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor={fromId} className="text-xs font-medium text-slate-700">
          {t("common.dateFrom")}
        </label>
        <DayInput
          id={fromId}
          value={from ?? ""}
          max={to}
          onChange={(value) => {
            // Text that is not a day stays in the field and does not filter.
            if (value === "" || isDay(value)) onChange({ from: value || undefined, to });
          }}
          data-testid="range-from"
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={toId} className="text-xs font-medium text-slate-700">
          {t("common.dateTo")}
        </label>
        <DayInput
          id={toId}
          value={to ?? ""}
          min={from}
          onChange={(value) => {
            if (value === "" || isDay(value)) onChange({ from, to: value || undefined });
          }}
          data-testid="range-to"
        />
      </div>
    </div>
  );
}
