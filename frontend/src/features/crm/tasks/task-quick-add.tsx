import { Plus } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { useErrorMessage } from "@/lib/error-message";
import { newIdempotencyKey } from "@/lib/utils";
import { useCreateTask } from "../work-api";
import { defaultDueInput, fromLocalInput } from "../lib/dates";

export function QuickAdd({ ownerUserId }: { ownerUserId: string | undefined }) {
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
