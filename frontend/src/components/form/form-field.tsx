import { type ReactElement, cloneElement, useId } from "react";
import { useTranslation } from "react-i18next";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";
import { translateFieldError } from "./field-error";

interface FormFieldProps {
  label: string;
  /** react-hook-form's `fieldState.error?.message` or `errors.x?.message`. */
  error?: string | undefined;
  hint?: string | undefined;
  optional?: boolean;
  className?: string;
  /** A single input/select; id and aria attributes are wired automatically. */
  children: ReactElement<Record<string, unknown>>;
  name?: string;
}

/**
 * Label + control + hint + error. The error (client rule or server `details`) sits
 * right under the field and is announced via aria-describedby / aria-invalid.
 */
export function FormField({
  label,
  error,
  hint,
  optional,
  className,
  children,
  name,
}: FormFieldProps) {
  const { t } = useTranslation();
  const autoId = useId();
  const id = (children.props.id as string | undefined) ?? autoId;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className={cn("flex flex-col gap-1.5", className)} data-field={name}>
      <Label htmlFor={id}>
        {label}
        {optional ? (
          <span className="ml-1 font-normal text-muted">({t("common.optional")})</span>
        ) : null}
      </Label>
      {cloneElement(children, {
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy || undefined,
      })}
      {hint && !error ? (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p
          id={errorId}
          className="text-xs font-medium text-danger"
          data-testid={name ? `error-${name}` : undefined}
        >
          {translateFieldError(error, t)}
        </p>
      ) : null}
    </div>
  );
}
