import { Check, CheckCheck, CircleAlert, Clock } from "lucide-react";
import { useTranslation } from "react-i18next";
import { cn } from "@/lib/utils";
import type { TickMark } from "../lib/message";

const ICON = { clock: Clock, check: Check, double: CheckCheck, alert: CircleAlert } as const;

const TONE = {
  muted: "text-slate-500",
  blue: "text-blue-600",
  red: "text-danger",
} as const satisfies Record<TickMark["tone"], string>;

/** The delivery mark of an outbound message: ✓ sent, ✓✓ delivered, blue ✓✓ read, red failed. */
export function DeliveryTicks({ mark }: { mark: TickMark }) {
  const { t } = useTranslation();
  const Icon = ICON[mark.icon];
  const label = t(mark.label);
  return (
    <span
      className={cn("inline-flex items-center gap-1", TONE[mark.tone])}
      title={label}
      data-testid="message-ticks"
      data-tick={mark.tick}
    >
      <Icon aria-hidden className="size-4" />
      <span className={mark.tick === "failed" ? "font-medium" : "sr-only"}>{label}</span>
    </span>
  );
}
