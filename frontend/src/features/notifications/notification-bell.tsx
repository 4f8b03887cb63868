import { useQuery } from "@tanstack/react-query";
import { useRouter } from "@tanstack/react-router";
import { Bell, CheckCheck } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Spinner } from "@/components/ui/spinner";
import { formatDateTime } from "@/lib/format";
import { cn } from "@/lib/utils";
import {
  badgeText,
  latestNotificationsQueryOptions,
  unreadCountQueryOptions,
  useLiveNotifications,
  useMarkAllRead,
  useMarkRead,
} from "./api";
import { NOTIFICATION_KIND_ICON, useNotificationKindLabel } from "./kinds";

/**
 * Header bell: unread count badge (live over the event stream), the latest ten
 * notifications with their kind, mark read / all read; a click follows the link.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const kindLabel = useNotificationKindLabel();
  useLiveNotifications();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const unread = useQuery(unreadCountQueryOptions());
  const latest = useQuery(latestNotificationsQueryOptions(open));
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const count = unread.data?.unread ?? 0;
  const badge = badgeText(count);

  return (
    <DropdownMenu open={open} onOpenChange={setOpen} modal={false}>
      <DropdownMenuTrigger
        className="relative rounded-md p-2 hover:bg-navy-800"
        aria-label={
          // The badge's own text ("9+") is part of the name (axe: label-content-name-mismatch).
          badge ? t("notifications.openWithCount", { badge }) : t("notifications.open")
        }
        data-testid="notification-bell"
      >
        <Bell aria-hidden className="size-5" />
        {badge ? (
          <span
            aria-hidden
            data-testid="notification-count"
            className="absolute -top-0.5 -right-0.5 flex min-w-5 items-center justify-center rounded-full bg-danger px-1 text-[11px] leading-5 font-bold text-white"
          >
            {badge}
          </span>
        ) : null}
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-80" data-testid="notification-menu">
        <DropdownMenuLabel className="flex items-center justify-between gap-2 normal-case">
          <span className="text-sm font-semibold text-foreground">{t("notifications.title")}</span>
          {count > 0 ? (
            <DropdownMenuItem
              className="flex items-center gap-1 px-1 py-0.5 text-xs font-medium text-navy-700 hover:underline"
              onSelect={(event) => {
                // Stay open: the list shows everything read.
                event.preventDefault();
                markAll.mutate();
              }}
              disabled={markAll.isPending}
              data-testid="notification-read-all"
            >
              <CheckCheck aria-hidden className="size-3.5" />
              {t("notifications.readAll")}
            </DropdownMenuItem>
          ) : null}
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        {latest.isPending ? (
          <div className="flex justify-center p-4">
            <Spinner />
          </div>
        ) : latest.isError ? (
          <p className="p-3 text-sm text-danger">{t("notifications.loadError")}</p>
        ) : latest.data.data.length === 0 ? (
          <p className="p-3 text-sm text-muted">{t("notifications.empty")}</p>
        ) : (
          <div className="max-h-96 overflow-y-auto">
            {latest.data.data.map((n) => {
              const Icon = NOTIFICATION_KIND_ICON[n.kind];
              return (
                <DropdownMenuItem
                  key={n.id}
                  className="flex flex-col items-start gap-0.5 whitespace-normal"
                  data-testid="notification-item"
                  data-unread={n.read_at ? "false" : "true"}
                  data-kind={n.kind}
                  onSelect={() => {
                    if (!n.read_at) markRead.mutate(n.id);
                    if (n.link) router.history.push(n.link);
                  }}
                >
                  <span className="flex items-center gap-1 text-[11px] font-medium text-muted">
                    <Icon aria-hidden className="size-3.5" />
                    {kindLabel(n.kind)}
                  </span>
                  <span className="flex w-full items-center gap-2">
                    {!n.read_at ? (
                      <span aria-hidden className="size-2 shrink-0 rounded-full bg-accent-500" />
                    ) : null}
                    <span className={cn("text-sm", !n.read_at && "font-semibold")}>{n.title}</span>
                    {!n.read_at ? (
                      <span className="sr-only">{t("notifications.unread")}</span>
                    ) : null}
                  </span>
                  {n.body ? <span className="text-xs text-muted">{n.body}</span> : null}
                  <span className="text-[11px] text-muted">{formatDateTime(n.created_at)}</span>
                </DropdownMenuItem>
              );
            })}
          </div>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
