import type { ReactNode } from "react";

/**
 * A wide table's scrolling box: focusable and named, so keyboard users can scroll it
 * (the inner table wrapper takes the table's width instead of scrolling itself).
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="overflow-x-auto">
      <div className="w-fit min-w-full">{children}</div>
    </div>
  );
}
