import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { z } from "zod";
import { TASK_STATUS_VALUES } from "@/api/enums.gen";
import { EnumOptions } from "@/components/form/enum-options";
import { FormField } from "@/components/form/form-field";
import { applyServerErrors } from "@/components/form/server-errors";
import { ErrorState } from "@/components/states/states";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { useMe } from "@/features/auth/api";
import { useErrorMessage } from "@/lib/error-message";
import type { Assert, IsAssignable } from "@/lib/form-types";
import { formatDateTime } from "@/lib/format";
import { writesTasks } from "../access";
import { taskQueryOptions, useUpdateTask } from "../work-api";
import { Textarea } from "@/components/ui/textarea";
import { fromLocalInput, toLocalInput } from "../lib/dates";
import { TASK_STATUS_LABEL } from "../labels";
import { statusKey } from "../lib/tasks";
import type { Task, UpdateTaskBody } from "../types";

/** Opens a task by id (from the calendar) or an already loaded task (from the list). */
export function TaskDialog({
  taskId,
  task,
  onOpenChange,
}: {
  taskId: string | null;
  task?: Task | null;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const open = taskId !== null || Boolean(task);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent data-testid="task-dialog">
        {task ? (
          <TaskEditor task={task} onDone={() => onOpenChange(false)} />
        ) : taskId ? (
          <TaskById id={taskId} onDone={() => onOpenChange(false)} />
        ) : (
          <DialogTitle className="sr-only">{t("crm.tasks.edit")}</DialogTitle>
        )}
      </DialogContent>
    </Dialog>
  );
}

function TaskById({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useTranslation();
  const query = useQuery(taskQueryOptions(id));
  if (query.data) return <TaskEditor task={query.data} onDone={onDone} />;
  return (
    <>
      <DialogTitle className="sr-only">{t("crm.tasks.edit")}</DialogTitle>
      <DialogDescription className="sr-only">
        {query.error ? t("states.errorTitle") : t("common.loading")}
      </DialogDescription>
      {query.error ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} className="border-0" />
      ) : (
        <Skeleton className="h-48" />
      )}
    </>
  );
}

const schema = z
  .object({
    title: z.string().trim().min(1, "validation.required").max(300, "validation.maxLength|300"),
    description: z.string().max(4000, "validation.maxLength|4000"),
    due_at: z.string().refine((v) => fromLocalInput(v) !== null, "validation.required"),
    remind_at: z.string(),
    status: z.enum(TASK_STATUS_VALUES),
  })
  .refine((v) => v.remind_at === "" || fromLocalInput(v.remind_at) !== null, {
    path: ["remind_at"],
    message: "crm.validation.dateTime",
  })
  // The values as PATCH /tasks/{id} takes them.
  .transform((v) => ({
    title: v.title,
    description: v.description,
    due_at: fromLocalInput(v.due_at),
    status: v.status,
    ...(v.remind_at ? { remind_at: fromLocalInput(v.remind_at) } : {}),
  }));
type Values = z.input<typeof schema>;
type Body = z.output<typeof schema>;
export type TaskFormFitsApi = Assert<IsAssignable<Body, UpdateTaskBody>>;
const FIELDS = ["title", "description", "due_at", "remind_at", "status"] as const;

function TaskEditor({ task, onDone }: { task: Task; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const errorMessage = useErrorMessage();
  const update = useUpdateTask();
  const [formError, setFormError] = useState<string | null>(null);
  const readOnly = !writesTasks(me.role);
  const form = useForm<Values, unknown, Body>({
    resolver: zodResolver(schema),
    mode: "onTouched",
    defaultValues: {
      title: task.title,
      description: task.description,
      due_at: toLocalInput(task.due_at),
      remind_at: toLocalInput(task.remind_at),
      status: task.status === "done" || task.status === "cancelled" ? task.status : "open",
    },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((body) => {
    setFormError(null);
    update.mutate(
      { id: task.id, body },
      {
        onSuccess: () => {
          toast.success(t("crm.tasks.saved"));
          onDone();
        },
        onError: (error) => {
          const { attached, unattached } = applyServerErrors(error, FIELDS, form.setError);
          if (!attached || unattached.length > 0)
            setFormError([errorMessage(error), ...unattached].join(" "));
        },
      },
    );
  });

  return (
    <>
      <DialogHeader>
        <DialogTitle>{readOnly ? task.title : t("crm.tasks.edit")}</DialogTitle>
        <DialogDescription>
          {[task.customer_name, task.owner_name].filter(Boolean).join(" · ") ||
            t("crm.tasks.subtitle")}
        </DialogDescription>
      </DialogHeader>
      {readOnly ? (
        <dl className="grid grid-cols-2 gap-3 text-sm">
          <div>
            <dt className="text-xs text-muted">{t("crm.tasks.due")}</dt>
            <dd className="font-medium">{formatDateTime(task.due_at)}</dd>
          </div>
          <div>
            <dt className="text-xs text-muted">{t("crm.tasks.status")}</dt>
            <dd className="font-medium">{t(TASK_STATUS_LABEL[statusKey(task.status)])}</dd>
          </div>
          {task.description ? (
            <p className="col-span-2 whitespace-pre-wrap">{task.description}</p>
          ) : null}
        </dl>
      ) : (
        <form
          noValidate
          onSubmit={(e) => void onSubmit(e)}
          className="flex flex-col gap-4"
          data-testid="task-form"
        >
          {formError ? <Alert>{formError}</Alert> : null}
          <FormField label={t("crm.tasks.titleField")} error={errors.title?.message} name="title">
            <Input autoComplete="off" {...form.register("title")} />
          </FormField>
          <FormField
            label={t("crm.tasks.description")}
            error={errors.description?.message}
            name="description"
            optional
          >
            <Textarea {...form.register("description")} />
          </FormField>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField label={t("crm.tasks.due")} error={errors.due_at?.message} name="due_at">
              <Input type="datetime-local" {...form.register("due_at")} />
            </FormField>
            <FormField
              label={t("crm.tasks.remind")}
              error={errors.remind_at?.message}
              hint={t("crm.tasks.remindHint")}
              name="remind_at"
              optional
            >
              <Input type="datetime-local" {...form.register("remind_at")} />
            </FormField>
          </div>
          <FormField label={t("crm.tasks.status")} error={errors.status?.message} name="status">
            <Select {...form.register("status")}>
              <EnumOptions values={TASK_STATUS_VALUES} labels={TASK_STATUS_LABEL} />
            </Select>
          </FormField>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onDone}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" disabled={update.isPending} data-testid="task-form-submit">
              {update.isPending ? <Spinner /> : null}
              {update.isPending ? t("common.saving") : t("common.save")}
            </Button>
          </DialogFooter>
        </form>
      )}
    </>
  );
}
