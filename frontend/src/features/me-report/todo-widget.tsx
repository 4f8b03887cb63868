import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { EmptyState } from "@/components/states/states";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Skeleton } from "@/components/ui/skeleton";
import { useMe } from "@/features/auth/api";
import { groupTasks, type TaskGroupKey } from "@/features/crm/lib/tasks";
import type { Task } from "@/features/crm/types";
import { tasksQueryOptions, useUpdateTask } from "@/features/crm/work-api";
import { AppLink } from "@/features/kpi/components/app-link";
import { QueryError } from "@/features/kpi/components/kpi-page";
import { useErrorMessage } from "@/lib/error-message";
import { formatDateTime } from "@/lib/format";
import { keepsTasks } from "./access";
import { TASKS_LINK } from "./links";

/** How many open tasks the widget lists (overdue first, then today, then upcoming). */
const SHOWN = 8;
type OpenGroup = Exclude<TaskGroupKey, "done">;
const OPEN_GROUPS: readonly OpenGroup[] = ["overdue", "today", "upcoming"];

/** USR-1 to-do on the dashboard: my open tasks, ticked done through the tasks API. */
export function TodoWidget() {
  const me = useMe();
  if (!keepsTasks(me)) return null;
  return <TodoCard />;
}

function TodoCard() {
  const { t } = useTranslation();
  const open = useQuery(
    tasksQueryOptions({ owner: "me", status: "open", sort: "due_at", per_page: 50 }),
  );
  const groups = groupTasks(open.data?.data ?? []);
  const tasks = OPEN_GROUPS.flatMap((g) => groups[g].map((task) => ({ task, group: g })));
  return (
    <Card data-testid="todo-widget" aria-labelledby="todo-title">
      <CardHeader className="flex flex-row items-center justify-between gap-2">
        <CardTitle id="todo-title" className="text-base">
          {t("meReport.todo.title")}
        </CardTitle>
        <AppLink href={TASKS_LINK} className="text-sm text-navy-800 underline underline-offset-2">
          {t("meReport.todo.all")}
        </AppLink>
      </CardHeader>
      <CardContent>
        {open.isPending ? (
          <Skeleton className="h-24" />
        ) : open.error ? (
          <QueryError error={open.error} onRetry={() => void open.refetch()} />
        ) : tasks.length === 0 ? (
          <EmptyState title={t("meReport.todo.empty")} />
        ) : (
          <ul className="divide-y divide-border" data-testid="todo-list">
            {tasks.slice(0, SHOWN).map(({ task, group }) => (
              <TodoItem key={task.id} task={task} group={group} />
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

function TodoItem({ task, group }: { task: Task; group: OpenGroup }) {
  const { t } = useTranslation();
  const update = useUpdateTask();
  const errorMessage = useErrorMessage();
  const [ticked, setTicked] = useState(false);
  const complete = () => {
    setTicked(true);
    update.mutate(
      { id: task.id, body: { status: "done" } },
      {
        onSuccess: () => toast.success(t("meReport.todo.completed")),
        onError: (e) => {
          setTicked(false);
          toast.error(errorMessage(e));
        },
      },
    );
  };
  return (
    <li className="flex items-start gap-3 py-2" data-testid="todo-item">
      <Checkbox
        className="mt-1"
        checked={ticked}
        disabled={ticked}
        onChange={complete}
        aria-label={t("meReport.todo.markDone", { title: task.title })}
      />
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium text-navy-900">{task.title}</p>
        <p className="text-xs text-muted">
          {t("meReport.todo.due", { date: formatDateTime(task.due_at) })}
        </p>
      </div>
      <Badge variant={group === "overdue" ? "danger" : group === "today" ? "warning" : "muted"}>
        {t(`meReport.todo.${group}`)}
      </Badge>
    </li>
  );
}
