import { useTranslation } from "react-i18next";
import type { ConnectionState } from "@/lib/events";
import { cn } from "@/lib/utils";

/** "Live" while the event stream is open, "Connecting…" while it (re)connects. */
export function LiveIndicator({ state }: { state: ConnectionState }) {
  const { t } = useTranslation();
  const connected = state === "connected";
  return (
    <span
      data-testid="live-indicator"
      data-state={connected ? "connected" : "connecting"}
      role="status"
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full border px-2.5 py-1 text-xs font-medium",
        connected
          ? "border-green-200 bg-success-soft text-success"
          : "border-slate-200 bg-slate-100 text-slate-700",
      )}
      title={connected ? t("broadcasts.live.connectedHint") : t("broadcasts.live.connectingHint")}
    >
      <span
        aria-hidden
        className={cn(
          "size-2 rounded-full",
          connected ? "animate-pulse bg-green-600" : "bg-slate-400",
        )}
      />
      {connected ? t("broadcasts.live.connected") : t("broadcasts.live.connecting")}
    </span>
  );
}
