import type { ComponentProps } from "react";
import { fieldClass } from "@/components/ui/input";
import { cn } from "@/lib/utils";

export function Textarea({ className, rows = 3, ...props }: ComponentProps<"textarea">) {
  return <textarea rows={rows} className={cn(fieldClass, "h-auto py-2", className)} {...props} />;
}
