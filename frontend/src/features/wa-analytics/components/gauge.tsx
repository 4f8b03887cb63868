import { currentLocale } from "@/i18n";
import { formatPercent } from "@/lib/format";

const ARC = "M 10 60 A 50 50 0 0 1 110 60";

/**
 * A half-circle gauge of a percentage (SLA compliance), filled in the status colour,
 * with a tick at the threshold where the status turns "met". Plain SVG.
 */
export function Gauge({
  value,
  color,
  label,
  threshold,
}: {
  value: number | null | undefined;
  color: string;
  /** What the gauge shows, for screen readers. */
  label: string;
  threshold?: number;
}) {
  const locale = currentLocale();
  const pct = value === null || value === undefined ? null : Math.max(0, Math.min(100, value));
  const tick =
    threshold === undefined
      ? null
      : {
          x1: 60 - 42 * Math.cos((threshold / 100) * Math.PI),
          y1: 60 - 42 * Math.sin((threshold / 100) * Math.PI),
          x2: 60 - 58 * Math.cos((threshold / 100) * Math.PI),
          y2: 60 - 58 * Math.sin((threshold / 100) * Math.PI),
        };
  return (
    <svg viewBox="0 0 120 70" role="img" aria-label={label} className="mx-auto w-full max-w-60">
      <path d={ARC} fill="none" stroke="#e2e8f0" strokeWidth={12} />
      {pct !== null ? (
        <path
          d={ARC}
          fill="none"
          stroke={color}
          strokeWidth={12}
          pathLength={100}
          strokeDasharray={`${pct} 100`}
          data-testid="gauge-fill"
        />
      ) : null}
      {tick ? <line {...tick} stroke="#0f172a" strokeWidth={1.5} /> : null}
      <text
        x={60}
        y={56}
        textAnchor="middle"
        className="fill-navy-900 text-[15px] font-semibold"
        data-testid="gauge-value"
      >
        {pct === null ? "—" : formatPercent(value, locale, 1)}
      </text>
    </svg>
  );
}
