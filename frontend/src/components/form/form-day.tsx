import type { ComponentProps } from "react";
import { useController, type Control, type FieldValues, type Path } from "react-hook-form";
import { DayInput } from "./day-input";

/**
 * A DayInput bound to a react-hook-form field. A direct child of FormField, so the
 * label's id and the error's aria attributes reach the input.
 */
export function FormDay<T extends FieldValues, TT>({
  control,
  name,
  min,
  max,
  ...props
}: Omit<ComponentProps<"input">, "value" | "onChange" | "name" | "min" | "max"> & {
  control: Control<T, unknown, TT>;
  name: Path<T>;
  min?: string;
  max?: string;
}) {
  const { field } = useController({ control, name });
  return (
    <DayInput
      {...props}
      min={min}
      max={max}
      name={field.name}
      value={typeof field.value === "string" ? field.value : ""}
      onChange={field.onChange}
      onBlur={field.onBlur}
    />
  );
}
