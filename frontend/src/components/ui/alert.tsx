import { AlertCircle, CheckCircle2, Info } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

const styles = {
  error: "border-red-200 bg-danger-soft text-danger",
  success: "border-green-200 bg-success-soft text-success",
  info: "border-navy-200 bg-navy-50 text-navy-800",
} as const;
const icons = { error: AlertCircle, success: CheckCircle2, info: Info } as const;

export function Alert({
  className,
  variant = "error",
  children,
  ...props
}: ComponentProps<"div"> & { variant?: keyof typeof styles }) {
  const Icon = icons[variant];
  return (
    <div
      role={variant === "error" ? "alert" : "status"}
      className={cn(
        "flex items-start gap-2 rounded-md border px-3 py-2 text-sm",
        styles[variant],
        className,
      )}
      {...props}
    >
      <Icon aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0">{children}</div>
    </div>
  );
}
