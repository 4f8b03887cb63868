import type { ComponentProps } from "react";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";

/**
 * The one field for a number a person types (weights, volumes, amounts, counts,
 * targets): a text field, never a native number field, so the browser neither rounds nor
 * reads `1.500` as 1.5 in any locale. What it holds is read the Indonesian way
 * (`1.500.000,50`) by lib/number-input (or lib/money for amounts) in the form's
 * schema. Works with react-hook-form's `register` and with a controlled value.
 */
export function NumberInput({
  className,
  integer = false,
  ...props
}: Omit<ComponentProps<"input">, "type" | "inputMode"> & {
  /** Whole numbers only (counts, weights in percent): a keypad without a comma. */
  integer?: boolean;
}) {
  return (
    <Input
      autoComplete="off"
      {...props}
      type="text"
      inputMode={integer ? "numeric" : "decimal"}
      data-number-input=""
      className={cn("tabular", className)}
    />
  );
}
