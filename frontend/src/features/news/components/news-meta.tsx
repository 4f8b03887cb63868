import { Pin } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/format";
import { useRoleLabel } from "@/lib/labels";
import type { News } from "../types";

const STATE_VARIANT = { draft: "muted", scheduled: "warning", published: "success" } as const;

/** Pinned and (for administrators) state badges. */
export function NewsBadges({ post, showState }: { post: News; showState: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {post.pinned ? (
        <Badge data-testid="news-pinned">
          <Pin aria-hidden className="mr-1 size-3" />
          {t("news.pinned")}
        </Badge>
      ) : null}
      {showState && post.state !== "published" ? (
        <Badge variant={STATE_VARIANT[post.state]} data-testid="news-state">
          {t(`news.state.${post.state}`)}
        </Badge>
      ) : null}
    </>
  );
}

/** When (dd/mm/yyyy HH:mm, WIB), by whom and for whom. */
export function NewsMeta({ post, showAudience }: { post: News; showAudience: boolean }) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const when =
    post.state === "draft"
      ? t("news.notPublished")
      : t(post.state === "scheduled" ? "news.scheduledFor" : "news.publishedOn", {
          date: formatDateTime(post.published_at),
        });
  const audience =
    post.audience_roles.length === 0
      ? t("news.everyone")
      : post.audience_roles.map((r) => roleLabel(r)).join(", ");
  return (
    <p className="text-xs text-muted tabular-nums">
      {when}
      {post.created_by_name ? ` · ${t("news.by", { name: post.created_by_name })}` : null}
      {showAudience ? ` · ${t("news.dialog.audience")}: ${audience}` : null}
    </p>
  );
}
