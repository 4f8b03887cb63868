import { useId } from "react";
import { useTranslation } from "react-i18next";
import { EnumOptions } from "@/components/form/enum-options";
import { Select } from "@/components/ui/select";
import { currentLocale } from "@/i18n";
import { isOneOf } from "@/lib/enums";
import { PERIOD_KIND_LABEL } from "../labels";
import {
  convertPeriod,
  parsePeriod,
  periodLabel,
  periodValue,
  pickerYears,
  PERIOD_KINDS,
  type Period,
} from "../lib/period";

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const QUARTERS = [1, 2, 3, 4];

/**
 * A month, quarter or year (`2026-11`, `2026-Q4`, `2026`): the kind, the year and the
 * month or quarter, as three selects whatever the browser's locale.
 */
export function PeriodPicker({
  value,
  onChange,
  today,
  kinds = PERIOD_KINDS,
  label,
  testId = "period",
}: {
  value: string;
  onChange: (period: string) => void;
  today: string;
  kinds?: readonly Period["kind"][];
  label?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const id = useId();
  const period = parsePeriod(value) ?? parsePeriod(today.slice(0, 7));
  if (!period) return null;
  const years = pickerYears(today);
  if (!years.includes(period.year)) years.push(period.year);
  const set = (next: Period) => onChange(periodValue(next));
  const monthName = (n: number) =>
    periodLabel({ kind: "month", year: 2000, n }, locale).replace(/\s*2000$/, "");

  return (
    <fieldset className="flex flex-col gap-1" data-testid={testId}>
      <legend className="mb-1 text-xs font-medium text-slate-700">
        {label ?? t("kpi.period.label")}
      </legend>
      <div className="flex flex-wrap gap-2">
        {kinds.length > 1 ? (
          <Select
            id={`${id}-kind`}
            aria-label={t("kpi.period.kind")}
            className="w-28"
            value={period.kind}
            onChange={(e) => {
              if (isOneOf(PERIOD_KINDS, e.target.value)) set(convertPeriod(period, e.target.value));
            }}
            data-testid={`${testId}-kind`}
          >
            <EnumOptions values={kinds} labels={PERIOD_KIND_LABEL} />
          </Select>
        ) : null}
        {period.kind === "month" ? (
          <Select
            aria-label={t("kpi.period.kinds.month")}
            className="w-36"
            value={period.n}
            onChange={(e) => set({ ...period, n: Number(e.target.value) })}
            data-testid={`${testId}-month`}
          >
            {MONTHS.map((m) => (
              <option key={m} value={m}>
                {monthName(m)}
              </option>
            ))}
          </Select>
        ) : null}
        {period.kind === "quarter" ? (
          <Select
            aria-label={t("kpi.period.kinds.quarter")}
            className="w-24"
            value={period.n}
            onChange={(e) => set({ ...period, n: Number(e.target.value) })}
            data-testid={`${testId}-quarter`}
          >
            {QUARTERS.map((q) => (
              <option key={q} value={q}>
                {t("kpi.period.quarterShort", { n: q })}
              </option>
            ))}
          </Select>
        ) : null}
        <Select
          aria-label={t("kpi.period.year")}
          className="w-24"
          value={period.year}
          onChange={(e) => set({ ...period, year: Number(e.target.value) })}
          data-testid={`${testId}-year`}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Select>
      </div>
    </fieldset>
  );
}
