import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/**
 * A wide table's scrolling box: focusable and named, so keyboard users can scroll it
 * (the inner table wrapper takes the table's width instead of scrolling itself).
 */
export function ScrollBox({
  label,
  children,
  className,
}: {
  label: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={cn("overflow-x-auto", className)}>
      <div className="w-fit min-w-full">{children}</div>
    </div>
  );
}
