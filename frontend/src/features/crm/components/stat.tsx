import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/** A small figure card (label over a tabular value). */
export function Stat({
  label,
  value,
  hint,
  className,
  testId,
  compact = false,
}: {
  label: ReactNode;
  value: ReactNode;
  hint?: ReactNode;
  className?: string;
  testId?: string;
  /** Smaller figure for toolbars. */
  compact?: boolean;
}) {
  return (
    <div
      className={cn(
        "rounded-lg border border-border bg-surface shadow-xs",
        compact ? "px-3 py-2" : "px-4 py-3",
        className,
      )}
      data-testid={testId}
    >
      <p className="text-xs font-medium text-muted">{label}</p>
      <p
        className={cn(
          "font-semibold whitespace-nowrap text-navy-900 tabular",
          compact ? "mt-0.5 text-base" : "mt-1 text-lg",
        )}
      >
        {value}
      </p>
      {hint ? <p className="mt-0.5 text-xs text-muted">{hint}</p> : null}
    </div>
  );
}
