import {
  BellRing,
  Building2,
  MoreHorizontal,
  Pencil,
  RotateCcw,
  Trash2,
  UserRound,
} from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useErrorMessage } from "@/lib/error-message";
import { formatDateTime } from "@/lib/format";
import { cn } from "@/lib/utils";
import { useUpdateTask } from "../work-api";
import type { TaskGroupKey } from "../lib/tasks";
import type { Task } from "../types";

const GROUP_STYLE: Record<TaskGroupKey, string> = {
  overdue: "border-t-red-600",
  today: "border-t-accent-500",
  upcoming: "border-t-navy-700",
  done: "border-t-green-600",
};

export function TaskGroup({
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
