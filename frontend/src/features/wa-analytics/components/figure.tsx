import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/** A labelled number inside a panel (a rate, a count, a duration) with an optional hint. */
export function Figure({
  label,
  value,
  hint,
  testId,
  className,
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  testId?: string;
  className?: string;
}) {
  return (
    <div className={cn("min-w-0", className)} data-testid={testId}>
      <p className="text-xs font-medium text-muted">{label}</p>
      <p
        className="mt-0.5 text-2xl font-semibold break-words text-navy-900 tabular"
        data-testid={testId ? `${testId}-value` : undefined}
      >
        {value}
      </p>
      {hint ? <div className="mt-0.5 text-xs text-muted">{hint}</div> : null}
    </div>
  );
}
