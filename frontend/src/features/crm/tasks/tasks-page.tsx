import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { EmptyState } from "@/components/states/states";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { useMe } from "@/features/auth/api";
import { useErrorMessage } from "@/lib/error-message";
import { writesTasks } from "../access";
import { tasksQueryOptions, useDeleteTask } from "../work-api";
import { CrmWorkPage, FilterBar, QueryError } from "../components/crm-page";
import { OwnerFilter } from "../components/owner-filter";
import { useUrlSearch } from "@/lib/url-search";
import { groupTasks, TASK_GROUPS } from "../lib/tasks";
import type { Task } from "../types";
import { TaskDialog } from "./task-dialog";
import { QuickAdd } from "./task-quick-add";
import { TaskGroup } from "./task-group";

const SEARCH_KEYS = ["owner"] as const;

/** The owner value meaning "everyone in my scope" (the default here is "me"). */
const ALL = "all";

export default function TasksPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [search, setSearch] = useUrlSearch(SEARCH_KEYS);
  const ownerValue = search.owner ?? "me";
  const owner = ownerValue === ALL ? undefined : ownerValue;
  const canWrite = writesTasks(me.role);

  const open = useQuery(
    tasksQueryOptions({
      ...(owner ? { owner } : {}),
      status: "open",
      sort: "due_at",
      per_page: 200,
    }),
  );
  const closed = useQuery(
    tasksQueryOptions({
      ...(owner ? { owner } : {}),
      status: "done,cancelled",
      sort: "-due_at",
      per_page: 20,
    }),
  );
  const [editing, setEditing] = useState<Task | null>(null);
  const [deleting, setDeleting] = useState<Task | null>(null);
  const remove = useDeleteTask();
  const errorMessage = useErrorMessage();

  const groups = groupTasks([...(open.data?.data ?? []), ...(closed.data?.data ?? [])]);
  const showOwner = ownerValue !== "me";

  return (
    <CrmWorkPage title={t("crm.tasks.title")} description={t("crm.tasks.subtitle")}>
      <FilterBar>
        <OwnerFilter
          value={ownerValue}
          allValue={ALL}
          onChange={(v) => setSearch({ owner: v === "me" ? undefined : (v ?? ALL) })}
        />
        {canWrite && owner ? (
          // A manager viewing one team member adds the task for that person.
          <QuickAdd ownerUserId={owner === "me" || owner === me.id ? undefined : owner} />
        ) : null}
      </FilterBar>

      {open.isPending ? (
        <div className="grid gap-4 lg:grid-cols-2" aria-busy="true">
          <span className="sr-only" role="status">
            {t("common.loading")}
          </span>
          <Skeleton className="h-48" />
          <Skeleton className="h-48" />
        </div>
      ) : open.error ? (
        <QueryError error={open.error} onRetry={() => void open.refetch()} />
      ) : open.data.data.length === 0 && (closed.data?.data.length ?? 0) === 0 ? (
        <EmptyState title={t("crm.tasks.emptyTitle")} description={t("crm.tasks.emptyBody")} />
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {TASK_GROUPS.map((g) => (
            <TaskGroup
              key={g}
              group={g}
              tasks={groups[g]}
              canWrite={canWrite}
              showOwner={showOwner}
              onEdit={setEditing}
              onDelete={setDeleting}
            />
          ))}
        </div>
      )}

      <TaskDialog
        taskId={null}
        task={editing}
        onOpenChange={(o) => {
          if (!o) setEditing(null);
        }}
      />
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(o) => {
          if (!o) setDeleting(null);
        }}
        title={t("crm.tasks.deleteTitle", { title: deleting?.title ?? "" })}
        description={t("crm.tasks.deleteBody")}
        confirmLabel={t("crm.tasks.delete")}
        pending={remove.isPending}
        onConfirm={() => {
          if (!deleting) return;
          remove.mutate(deleting.id, {
            onSuccess: () => {
              toast.success(t("crm.tasks.deleted"));
              setDeleting(null);
            },
            onError: (e) => toast.error(errorMessage(e)),
          });
        }}
      />
    </CrmWorkPage>
  );
}
