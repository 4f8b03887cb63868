import { useQuery } from "@tanstack/react-query";
import {
  BellRing,
  Building2,
  MoreHorizontal,
  Pencil,
  Plus,
  RotateCcw,
  Trash2,
  UserRound,
} from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { EmptyState } from "@/components/states/states";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { useMe } from "@/features/auth/api";
import { useErrorMessage } from "@/lib/error-message";
import { formatDateTime } from "@/lib/format";
import { cn, newIdempotencyKey } from "@/lib/utils";
import { writesTasks } from "../access";
import { tasksQueryOptions, useCreateTask, useDeleteTask, useUpdateTask } from "../work-api";
import { CrmWorkPage, FilterBar, QueryError } from "../components/crm-page";
import { OwnerFilter } from "../components/owner-filter";
import { useUrlSearch } from "@/lib/url-search";
import { defaultDueInput, fromLocalInput } from "../lib/dates";
import { groupTasks, TASK_GROUPS, type TaskGroupKey } from "../lib/tasks";
import type { Task } from "../types";
import { TaskDialog } from "./task-dialog";

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

function QuickAdd({ ownerUserId }: { ownerUserId: string | undefined }) {
  const { t } = useTranslation();
  const create = useCreateTask();
  const errorMessage = useErrorMessage();
  const [title, setTitle] = useState("");
  const [due, setDue] = useState(() => defaultDueInput());
  const [error, setError] = useState<string | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  return (
    <form
      noValidate
      className="flex flex-1 flex-wrap items-end gap-2"
      aria-label={t("crm.tasks.quickAdd")}
      onSubmit={(e) => {
        e.preventDefault();
        const dueAt = fromLocalInput(due);
        if (!title.trim() || !dueAt) {
          setError(t("crm.tasks.quickAddInvalid"));
          return;
        }
        setError(null);
        create.mutate(
          {
            body: {
              title: title.trim(),
              due_at: dueAt,
              ...(ownerUserId ? { owner_user_id: ownerUserId } : {}),
            },
            idempotencyKey: key,
          },
          {
            onSuccess: () => {
              toast.success(t("crm.tasks.added"));
              setTitle("");
              setKey(newIdempotencyKey());
            },
            onError: (err) => {
              setError(errorMessage(err));
              setKey(newIdempotencyKey());
            },
          },
        );
      }}
    >
      <div className="flex min-w-48 flex-1 flex-col gap-1">
        <label htmlFor="task-quick-title" className="text-xs font-medium text-slate-700">
          {t("crm.tasks.newTask")}
        </label>
        <Input
          id="task-quick-title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          placeholder={t("crm.tasks.newTaskPlaceholder")}
          maxLength={300}
          data-testid="task-quick-title"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "task-quick-error" : undefined}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="task-quick-due" className="text-xs font-medium text-slate-700">
          {t("crm.tasks.due")}
        </label>
        <Input
          id="task-quick-due"
          type="datetime-local"
          className="w-52"
          value={due}
          onChange={(e) => setDue(e.target.value)}
          data-testid="task-quick-due"
        />
      </div>
      <Button
        type="submit"
        variant="accent"
        disabled={create.isPending}
        data-testid="task-quick-add"
      >
        {create.isPending ? <Spinner /> : <Plus aria-hidden />}
        {t("crm.tasks.add")}
      </Button>
      {error ? (
        <p id="task-quick-error" role="alert" className="w-full text-xs font-medium text-danger">
          {error}
        </p>
      ) : null}
    </form>
  );
}

const GROUP_STYLE: Record<TaskGroupKey, string> = {
  overdue: "border-t-red-600",
  today: "border-t-accent-500",
  upcoming: "border-t-navy-700",
  done: "border-t-green-600",
};

function TaskGroup({
  group,
  tasks,
  canWrite,
  showOwner,
  onEdit,
  onDelete,
}: {
  group: TaskGroupKey;
  tasks: Task[];
  canWrite: boolean;
  showOwner: boolean;
  onEdit: (task: Task) => void;
  onDelete: (task: Task) => void;
}) {
  const { t } = useTranslation();
  const headingId = `tasks-${group}`;
  return (
    <Card
      className={cn("border-t-4", GROUP_STYLE[group])}
      aria-labelledby={headingId}
      data-testid={`task-group-${group}`}
    >
      <div className="flex items-center justify-between px-4 pt-4 pb-2">
        <h2 id={headingId} className="text-base font-semibold text-navy-900">
          {t(`crm.tasks.groups.${group}`)}
        </h2>
        <Badge variant={group === "overdue" && tasks.length > 0 ? "danger" : "muted"}>
          {tasks.length}
        </Badge>
      </div>
      {tasks.length === 0 ? (
        <p className="px-4 pb-4 text-sm text-muted">{t(`crm.tasks.groupsEmpty.${group}`)}</p>
      ) : (
        <ul className="divide-y divide-border">
          {tasks.map((task) => (
            <TaskItem
              key={task.id}
              task={task}
              canWrite={canWrite}
              showOwner={showOwner}
              onEdit={onEdit}
              onDelete={onDelete}
            />
          ))}
        </ul>
      )}
    </Card>
  );
}

function TaskItem({
  task,
  canWrite,
  showOwner,
  onEdit,
  onDelete,
}: {
  task: Task;
  canWrite: boolean;
  showOwner: boolean;
  onEdit: (task: Task) => void;
  onDelete: (task: Task) => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateTask();
  const errorMessage = useErrorMessage();
  const done = task.status !== "open";
  // Ticked at once; the list regroups when the server has answered.
  const [ticking, setTicking] = useState<boolean | null>(null);
  const toggle = () => {
    setTicking(!done);
    update.mutate(
      { id: task.id, body: { status: done ? "open" : "done" } },
      {
        onSuccess: () => toast.success(done ? t("crm.tasks.reopened") : t("crm.tasks.completed")),
        onError: (e) => toast.error(errorMessage(e)),
        onSettled: () => setTicking(null),
      },
    );
  };
  return (
    <li
      className="flex items-start gap-3 px-4 py-3"
      data-testid="task-item"
      data-task-id={task.id}
      data-task-title={task.title}
    >
      <input
        type="checkbox"
        className="mt-0.5 size-5 shrink-0 rounded border-slate-400 accent-navy-900"
        checked={ticking ?? task.status === "done"}
        disabled={!canWrite || update.isPending || task.status === "cancelled"}
        onChange={toggle}
        aria-label={
          done
            ? t("crm.tasks.markOpen", { title: task.title })
            : t("crm.tasks.markDone", { title: task.title })
        }
        data-testid="task-done"
      />
      <div className="min-w-0 flex-1">
        <button
          type="button"
          onClick={() => onEdit(task)}
          className={cn(
            "text-left text-sm font-medium text-foreground hover:underline",
            done && "text-muted line-through",
          )}
        >
          {task.title}
        </button>
        <div className="mt-0.5 flex flex-wrap items-center gap-x-3 gap-y-0.5 text-xs text-muted tabular">
          <span className={cn(task.overdue && "font-medium text-danger")}>
            {t("crm.tasks.dueAt", { at: formatDateTime(task.due_at) })}
          </span>
          {task.status === "cancelled" ? (
            <Badge variant="muted">{t("crm.tasks.statuses.cancelled")}</Badge>
          ) : null}
          {task.remind_at && task.status === "open" ? (
            <span className="inline-flex items-center gap-1" title={t("crm.tasks.remind")}>
              <BellRing aria-hidden className="size-3.5" />
              <span className="sr-only">{t("crm.tasks.remind")}:</span>
              {formatDateTime(task.remind_at)}
            </span>
          ) : null}
          {task.customer_name ? (
            <span className="inline-flex items-center gap-1">
              <Building2 aria-hidden className="size-3.5" />
              {task.customer_name}
            </span>
          ) : null}
          {showOwner && task.owner_name ? (
            <span className="inline-flex items-center gap-1">
              <UserRound aria-hidden className="size-3.5" />
              {task.owner_name}
            </span>
          ) : null}
        </div>
      </div>
      {canWrite ? (
        <DropdownMenu modal={false}>
          <DropdownMenuTrigger asChild>
            <Button
              variant="ghost"
              size="icon-sm"
              aria-label={t("common.rowActions", { name: task.title })}
            >
              <MoreHorizontal aria-hidden />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end">
            <DropdownMenuItem onSelect={() => onEdit(task)}>
              <Pencil aria-hidden />
              {t("common.edit")}
            </DropdownMenuItem>
            {done ? (
              <DropdownMenuItem onSelect={toggle}>
                <RotateCcw aria-hidden />
                {t("crm.tasks.reopen")}
              </DropdownMenuItem>
            ) : null}
            <DropdownMenuItem className="text-danger" onSelect={() => onDelete(task)}>
              <Trash2 aria-hidden />
              {t("crm.tasks.delete")}
            </DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>
      ) : null}
    </li>
  );
}
