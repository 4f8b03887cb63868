import { zodResolver } from "@hookform/resolvers/zod";
import { Plus } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { useErrorMessage } from "@/lib/error-message";
import { newIdempotencyKey } from "@/lib/utils";
import { defaultDueInput } from "../lib/dates";
import { useCreateTask } from "../work-api";
import { quickAddSchema, type QuickAddBody, type QuickAddInput } from "./quick-add-schema";

export function QuickAdd({ ownerUserId }: { ownerUserId: string | undefined }) {
  const { t } = useTranslation();
  const create = useCreateTask();
  const errorMessage = useErrorMessage();
  const [key, setKey] = useState(newIdempotencyKey);
  const form = useForm<QuickAddInput, unknown, QuickAddBody>({
    resolver: zodResolver(quickAddSchema),
    defaultValues: { title: "", due: defaultDueInput() },
  });
  const { errors } = form.formState;
  // One message for the row: what the server said, or that a title and time are needed.
  const error =
    errors.root?.message ??
    (errors.title || errors.due ? t("crm.tasks.quickAddInvalid") : undefined);

  const onSubmit = form.handleSubmit((body) => {
    create.mutate(
      {
        body: { ...body, ...(ownerUserId ? { owner_user_id: ownerUserId } : {}) },
        idempotencyKey: key,
      },
      {
        onSuccess: () => {
          toast.success(t("crm.tasks.added"));
          form.setValue("title", "");
          setKey(newIdempotencyKey());
        },
        onError: (err) => {
          form.setError("root", { message: errorMessage(err) });
          setKey(newIdempotencyKey());
        },
      },
    );
  });

  return (
    <form
      noValidate
      className="flex flex-1 flex-wrap items-end gap-2"
      aria-label={t("crm.tasks.quickAdd")}
      onSubmit={(e) => void onSubmit(e)}
    >
      <div className="flex min-w-48 flex-1 flex-col gap-1">
        <label htmlFor="task-quick-title" className="text-xs font-medium text-slate-700">
          {t("crm.tasks.newTask")}
        </label>
        <Input
          id="task-quick-title"
          placeholder={t("crm.tasks.newTaskPlaceholder")}
          maxLength={300}
          data-testid="task-quick-title"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "task-quick-error" : undefined}
          {...form.register("title")}
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
          data-testid="task-quick-due"
          {...form.register("due")}
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
