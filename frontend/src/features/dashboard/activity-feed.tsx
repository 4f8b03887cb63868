import { Link } from "@tanstack/react-router";
import { AlertTriangle, MessageSquare, RefreshCw, Send, Ticket } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { LiveIndicator } from "@/features/broadcasts/live-indicator";
import { BROADCAST_STATUS_LABEL } from "@/features/broadcasts/table";
import { currentLocale } from "@/i18n";
import { useEnumLabel } from "@/lib/enums";
import { useServerEvents } from "@/lib/events";
import type { ServerEvent } from "@/lib/sse";
import { pushActivity, relativeTime, type ActivityItem } from "./activity";
import { useSummaryInvalidation } from "./api";

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

function EventText({ event }: { event: ServerEvent }) {
  const { t } = useTranslation();
  const statusLabel = useEnumLabel(BROADCAST_STATUS_LABEL);
  switch (event.type) {
    case "broadcast_logs.created": {
      const count = event.count ?? 1;
      if (count === 1 && event.tracking_number) {
        return (
          <>
            {t("broadcasts.dashboard.feed.broadcastOne", {
              awb: event.tracking_number,
              status: statusLabel(event.status ?? "pending"),
            })}
            {event.status === "failed" && event.error_message ? (
              <span className="block text-xs text-danger">{event.error_message}</span>
            ) : null}
          </>
        );
      }
      return (
        <>{t("broadcasts.dashboard.feed.broadcastBatch", { count, failed: event.failed ?? 0 })}</>
      );
    }
    case "resync":
      return <>{t("broadcasts.dashboard.feed.resync")}</>;
    case "conversation.updated":
    case "notification.created":
      return null;
    default: {
      const code = event.ticket_code ?? "";
      const key =
        event.type === "ticket.created"
          ? "broadcasts.dashboard.feed.ticketCreated"
          : event.type === "ticket.updated"
            ? "broadcasts.dashboard.feed.ticketUpdated"
            : "broadcasts.dashboard.feed.ticketCommented";
      return (
        <>
          <Link
            to="/ticketing/tickets/$ticketId"
            params={{ ticketId: event.id }}
            className="underline-offset-2 hover:underline"
          >
            {t(key, { code })}
          </Link>
          {event.subject ? (
            <span className="block truncate text-xs text-muted">{event.subject}</span>
          ) : null}
        </>
      );
    }
  }
}

function EventIcon({ event }: { event: ServerEvent }) {
  const cls = "size-4";
  if (event.type === "broadcast_logs.created")
    return (event.failed ?? 0) > 0 || event.status === "failed" ? (
      <AlertTriangle aria-hidden className={`${cls} text-danger`} />
    ) : (
      <Send aria-hidden className={`${cls} text-success`} />
    );
  if (event.type === "resync") return <RefreshCw aria-hidden className={cls} />;
  if (event.type === "ticket.commented") return <MessageSquare aria-hidden className={cls} />;
  return <Ticket aria-hidden className={cls} />;
}

/**
 * The last events from the server (broadcasts and tickets), newest first. Relevant
 * events also refresh the dashboard counters.
 */
export function ActivityFeed() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [feed, setFeed] = useState<ActivityItem[]>([]);
  const seq = useRef(0);
  const invalidate = useSummaryInvalidation();
  const now = useNow(30_000);
  const live = useServerEvents((event) => {
    // Conversations change with every WhatsApp message: their inbox shows them, not the feed.
    // My notifications live in the bell, not the feed.
    if (event.type === "conversation.updated" || event.type === "notification.created") return;
    seq.current += 1;
    const n = seq.current;
    setFeed((f) => pushActivity(f, event, Date.now(), n));
    invalidate();
  });

  return (
    <Card data-testid="activity-feed">
      <CardHeader className="flex-row items-start justify-between gap-2">
        <div>
          <CardTitle>{t("broadcasts.dashboard.feed.title")}</CardTitle>
          <CardDescription>{t("broadcasts.dashboard.feed.description")}</CardDescription>
        </div>
        <LiveIndicator state={live} />
      </CardHeader>
      <CardContent>
        {feed.length === 0 ? (
          <p className="text-sm text-muted" data-testid="activity-empty">
            {t("broadcasts.dashboard.feed.empty")}
          </p>
        ) : (
          <ol className="flex flex-col divide-y divide-border" aria-live="polite">
            {feed.map((item) => (
              <li
                key={item.key}
                data-testid="activity-item"
                data-type={item.event.type}
                className="flex items-start gap-3 py-2 text-sm"
              >
                <span className="mt-0.5 text-slate-600">
                  <EventIcon event={item.event} />
                </span>
                <span className="min-w-0 flex-1 text-foreground">
                  <EventText event={item.event} />
                </span>
                <time
                  dateTime={new Date(item.at).toISOString()}
                  className="shrink-0 text-xs text-muted tabular-nums"
                >
                  {relativeTime(item.at, Math.max(now, item.at), locale) ??
                    t("broadcasts.dashboard.feed.justNow")}
                </time>
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
