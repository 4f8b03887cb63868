import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Input } from "@/components/ui/input";

/** Two date inputs (Jakarta calendar dates); an empty field clears that bound. */
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
        <Input
          id={fromId}
          type="date"
          className="w-40"
          value={from ?? ""}
          max={to}
          onChange={(e) => onChange({ from: e.target.value || undefined, to })}
          data-testid="range-from"
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={toId} className="text-xs font-medium text-slate-700">
          {t("common.dateTo")}
        </label>
        <Input
          id={toId}
          type="date"
          className="w-40"
          value={to ?? ""}
          min={from}
          onChange={(e) => onChange({ from, to: e.target.value || undefined })}
          data-testid="range-to"
        />
      </div>
    </div>
  );
}
