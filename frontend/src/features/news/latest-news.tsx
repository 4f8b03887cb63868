import { useQuery } from "@tanstack/react-query";
import { Newspaper } from "lucide-react";
import { useTranslation } from "react-i18next";
import { ErrorState } from "@/components/states/states";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { AppLink } from "@/features/kpi/components/app-link";
import { latestNewsQueryOptions } from "./api";
import { NewsBadges, NewsMeta } from "./components/news-meta";
import { NEWS_PATH, newsPostPath } from "./routes";

/** The dashboard's news: the latest three published posts for the caller (pinned first). */
export function LatestNews() {
  const { t } = useTranslation();
  const query = useQuery(latestNewsQueryOptions());
  return (
    <Card data-testid="latest-news">
      <CardHeader className="flex-row items-baseline justify-between gap-2">
        <CardTitle>{t("news.widget.title")}</CardTitle>
        <AppLink
          href={NEWS_PATH}
          className="text-sm text-navy-800 underline underline-offset-2 hover:text-navy-950"
        >
          {t("news.widget.all")}
        </AppLink>
      </CardHeader>
      <CardContent>
        {query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : !query.data ? (
          <Skeleton className="h-24 w-full" />
        ) : query.data.data.length === 0 ? (
          <p className="flex items-center gap-2 text-sm text-muted" data-testid="latest-news-empty">
            <Newspaper aria-hidden className="size-4" />
            {t("news.widget.empty")}
          </p>
        ) : (
          <ul className="divide-y divide-border">
            {query.data.data.map((post) => (
              <li key={post.id} className="py-2" data-testid="latest-news-item">
                <div className="flex flex-wrap items-center gap-2">
                  <AppLink
                    href={newsPostPath(post.id)}
                    className="font-medium text-navy-900 underline-offset-2 hover:underline"
                  >
                    {post.title}
                  </AppLink>
                  <NewsBadges post={post} showState={false} />
                </div>
                <NewsMeta post={post} showAudience={false} />
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
