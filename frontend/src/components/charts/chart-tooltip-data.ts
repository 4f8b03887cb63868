import type { Datum, ValueFormat } from "./chart-utils";

export interface TooltipPayloadItem {
  name?: string | number;
  value?: unknown;
  color?: string;
  dataKey?: string | number;
  payload?: Datum;
}

export interface ExactTooltipProps {
  active?: boolean;
  payload?: readonly TooltipPayloadItem[];
  label?: string | number;
  format: ValueFormat;
  labelFormat?: (label: string | number) => string;
}

export type TooltipData = Pick<ExactTooltipProps, "active" | "payload" | "label">;

/** Narrows Recharts' tooltip content props to what ExactTooltip reads. */
export function tooltipData(p: {
  active?: boolean;
  payload?: unknown;
  label?: unknown;
}): TooltipData {
  const label = typeof p.label === "string" || typeof p.label === "number" ? p.label : undefined;
  return {
    ...(p.active !== undefined ? { active: p.active } : {}),
    ...(Array.isArray(p.payload) ? { payload: p.payload as readonly TooltipPayloadItem[] } : {}),
    ...(label !== undefined ? { label } : {}),
  };
}
