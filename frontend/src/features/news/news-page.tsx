import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, Newspaper, Pencil, Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { isApiError } from "@/api/errors";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState, ErrorState } from "@/components/states/states";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useMe } from "@/features/auth/api";
import { useErrorMessage } from "@/lib/error-message";
import { useUrlSearch } from "@/lib/url-search";
import { cn } from "@/lib/utils";
import { canWriteNews } from "./access";
import { NEWS_PER_PAGE, newsListQueryOptions, newsQueryOptions } from "./api";
import { NewsBody } from "./components/news-body";
import { NewsDialog } from "./components/news-dialog";
import { NewsBadges, NewsMeta } from "./components/news-meta";
import { useDeleteNews } from "./mutations";
import { NEWS_SEARCH_KEYS } from "./search-keys";
import type { News } from "./types";

/** NEWS-1: the posts for the caller (pinned first, then newest) and the one being read. */
export default function NewsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const admin = canWriteNews(me);
  const [search, setSearch] = useUrlSearch(NEWS_SEARCH_KEYS);
  const page = Math.max(1, Number(search.page) || 1);
  const list = useQuery(newsListQueryOptions({ page, per_page: NEWS_PER_PAGE }));
  const [editing, setEditing] = useState<News | "new" | null>(null);
  const open = (id: string | undefined) => setSearch({ id });

  return (
    <>
      <PageHeader
        title={t("news.title")}
        description={t("news.description")}
        actions={
          admin ? (
            <Button onClick={() => setEditing("new")} data-testid="news-new">
              <Plus aria-hidden />
              {t("news.new")}
            </Button>
          ) : null
        }
      />
      <div className="grid items-start gap-6 lg:grid-cols-5">
        <section
          aria-label={t("news.title")}
          className={cn("flex flex-col gap-3 lg:col-span-2", search.id && "hidden lg:flex")}
        >
          {list.isError ? (
            <ErrorState error={list.error} onRetry={() => void list.refetch()} />
          ) : !list.data ? (
            <Skeleton className="h-48 w-full" />
          ) : list.data.data.length === 0 ? (
            <EmptyState
              icon={Newspaper}
              title={t("news.empty")}
              description={admin ? t("news.emptyAdmin") : t("news.emptyBody")}
            />
          ) : (
            <>
              <ul className="flex flex-col gap-2" data-testid="news-list">
                {list.data.data.map((post) => (
                  <li key={post.id}>
                    <button
                      type="button"
                      onClick={() => open(post.id)}
                      aria-current={search.id === post.id ? "true" : undefined}
                      data-testid="news-item"
                      className={cn(
                        "w-full rounded-lg border border-border bg-surface p-3 text-left hover:shadow-md",
                        search.id === post.id && "border-navy-700 ring-1 ring-navy-700",
                      )}
                    >
                      <span className="flex flex-wrap items-center gap-2">
                        <span className="font-medium text-navy-900">{post.title}</span>
                        <NewsBadges post={post} showState={admin} />
                      </span>
                      <NewsMeta post={post} showAudience={false} />
                    </button>
                  </li>
                ))}
              </ul>
              <Pager
                page={page}
                pages={Math.max(1, Math.ceil(list.data.total / NEWS_PER_PAGE))}
                onPage={(p) => setSearch({ page: p === 1 ? undefined : String(p) })}
              />
            </>
          )}
        </section>
        <section className={cn("lg:col-span-3", !search.id && "hidden lg:block")}>
          {search.id ? (
            <NewsArticle
              id={search.id}
              admin={admin}
              onBack={() => open(undefined)}
              onEdit={setEditing}
            />
          ) : list.data && list.data.data.length > 0 ? (
            <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-muted">
              {t("news.pick")}
            </p>
          ) : null}
        </section>
      </div>
      {editing ? (
        <NewsDialog post={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}

function Pager({
  page,
  pages,
  onPage,
}: {
  page: number;
  pages: number;
  onPage: (p: number) => void;
}) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav className="flex items-center justify-between gap-2 text-sm" aria-label={t("news.title")}>
      <Button variant="outline" size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t("news.previous")}
      </Button>
      <span className="text-muted tabular-nums">{t("news.pageOf", { page, pages })}</span>
      <Button variant="outline" size="sm" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t("news.next")}
      </Button>
    </nav>
  );
}

/** One post: title, badges, when and by whom, the rendered body; admin actions. */
function NewsArticle({
  id,
  admin,
  onBack,
  onEdit,
}: {
  id: string;
  admin: boolean;
  onBack: () => void;
  onEdit: (post: News) => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const query = useQuery(newsQueryOptions(id));
  const remove = useDeleteNews();
  const [confirm, setConfirm] = useState(false);
  const back = (
    <Button variant="ghost" size="sm" className="mb-2 lg:hidden" onClick={onBack}>
      <ArrowLeft aria-hidden />
      {t("news.back")}
    </Button>
  );
  if (query.isError) {
    return (
      <>
        {back}
        {isApiError(query.error) && query.error.status === 404 ? (
          <EmptyState icon={Newspaper} title={t("news.notFound")} />
        ) : (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        )}
      </>
    );
  }
  const post = query.data;
  if (!post) return <Skeleton className="h-64 w-full" />;
  return (
    <Card className="p-5" data-testid="news-article">
      {back}
      <article aria-labelledby="news-article-title" className="flex flex-col gap-3">
        <header className="flex flex-col gap-1">
          <div className="flex flex-wrap items-center gap-2">
            <h2 id="news-article-title" className="text-xl font-semibold text-navy-900">
              {post.title}
            </h2>
            <NewsBadges post={post} showState={admin} />
          </div>
          <NewsMeta post={post} showAudience={admin} />
        </header>
        <NewsBody html={post.body_html} />
        {admin ? (
          <div className="flex gap-2 border-t border-border pt-3">
            <Button
              variant="outline"
              size="sm"
              onClick={() => onEdit(post)}
              data-testid="news-edit"
            >
              <Pencil aria-hidden />
              {t("news.edit")}
            </Button>
            <Button
              variant="outline"
              size="sm"
              onClick={() => setConfirm(true)}
              data-testid="news-delete"
            >
              <Trash2 aria-hidden />
              {t("news.delete")}
            </Button>
          </div>
        ) : null}
      </article>
      <ConfirmDialog
        open={confirm}
        onOpenChange={setConfirm}
        title={t("news.confirmDelete.title")}
        description={t("news.confirmDelete.body", { title: post.title })}
        confirmLabel={t("news.confirmDelete.confirm")}
        pending={remove.isPending}
        onConfirm={() =>
          remove.mutate(post.id, {
            onSuccess: () => {
              toast.success(t("news.confirmDelete.done"));
              setConfirm(false);
              onBack();
            },
            onError: (e) => toast.error(errorMessage(e)),
          })
        }
      />
    </Card>
  );
}
