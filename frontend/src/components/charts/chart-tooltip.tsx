import { currentLocale } from "@/i18n";
import { formatValue } from "./chart-utils";
import type { ExactTooltipProps } from "./chart-tooltip-data";

export function ExactTooltip({ active, payload, label, format, labelFormat }: ExactTooltipProps) {
  const locale = currentLocale();
  if (!active || !payload || payload.length === 0) return null;
  return (
    <div className="rounded-md border border-border bg-surface px-3 py-2 text-xs shadow-lg tabular">
      {label !== undefined ? (
        <p className="mb-1 font-semibold text-foreground">
          {labelFormat ? labelFormat(label) : label}
        </p>
      ) : null}
      <ul className="flex flex-col gap-0.5">
        {payload.map((item, i) => (
          <li key={`${String(item.dataKey ?? item.name)}-${i}`} className="flex items-center gap-2">
            <span aria-hidden className="size-2.5 rounded-sm" style={{ background: item.color }} />
            <span className="text-muted">{item.name}</span>
            <span className="ml-auto pl-3 font-medium text-foreground">
              {formatValue(item.value, format, locale)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
