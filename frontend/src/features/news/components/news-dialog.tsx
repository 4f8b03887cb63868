import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { NEWS_STATE_VALUES } from "@/api/enums.gen";
import { FormField } from "@/components/form/form-field";
import { applyServerErrors } from "@/components/form/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
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
import { Spinner } from "@/components/ui/spinner";
import { FormDay } from "@/components/form/form-day";
import { useErrorMessage } from "@/lib/error-message";
import { formValues, NEWS_FIELDS, newsSchema, toBody } from "../lib/news-schema";
import { useCreateNews, useUpdateNews } from "../mutations";
import type { News } from "../types";
import { AudiencePicker } from "./audience-picker";
import { MarkdownEditor } from "./markdown-editor";

/** Writes a new post or changes `post` (administrators): title, body, audience, publication. */
export function NewsDialog({ post, onClose }: { post: News | null; onClose: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const create = useCreateNews();
  const update = useUpdateNews();
  const pending = create.isPending || update.isPending;
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(newsSchema),
    mode: "onTouched",
    defaultValues: formValues(post),
  });
  const { errors } = form.formState;
  const state = useWatch({ control: form.control, name: "state" });
  /** Our own rules carry `news.*` keys; everything else FormField translates. */
  const tr = (message: string | undefined) =>
    message?.startsWith("news.") ? t(message as "news.title") : message;

  const onServerError = (error: unknown) => {
    const { attached, unattached } = applyServerErrors(
      error,
      [...NEWS_FIELDS, "published_at"],
      (field, e) => form.setError(field === "published_at" ? "day" : field, e),
    );
    setFormError(unattached.length > 0 || !attached ? errorMessage(error) : null);
  };

  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    const body = toBody(values, post);
    const done = (key: "news.dialog.created" | "news.dialog.updated") => {
      toast.success(t(key));
      onClose();
    };
    if (post) {
      update.mutate(
        { id: post.id, body },
        { onSuccess: () => done("news.dialog.updated"), onError: onServerError },
      );
    } else {
      create.mutate(body, { onSuccess: () => done("news.dialog.created"), onError: onServerError });
    }
  });

  const keepLabel =
    post?.state === "published" ? "news.dialog.publishKeep" : "news.dialog.publishNow";
  const stateLabel = {
    draft: t("news.dialog.publishDraft"),
    published: t(keepLabel),
    scheduled: t("news.dialog.publishAt"),
  } as const;

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="max-h-[92vh] max-w-3xl overflow-y-auto" data-testid="news-dialog">
        <DialogHeader>
          <DialogTitle>{t(post ? "news.dialog.editTitle" : "news.dialog.createTitle")}</DialogTitle>
          <DialogDescription>{t("news.dialog.description")}</DialogDescription>
        </DialogHeader>
        <form noValidate className="flex flex-col gap-4" onSubmit={(e) => void onSubmit(e)}>
          {formError ? <Alert>{formError}</Alert> : null}
          <FormField label={t("news.dialog.title")} error={tr(errors.title?.message)} name="title">
            <Input autoComplete="off" data-testid="news-title" {...form.register("title")} />
          </FormField>
          <Controller
            control={form.control}
            name="body"
            render={({ field }) => (
              <MarkdownEditor
                label={t("news.dialog.body")}
                error={tr(errors.body?.message)}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
              />
            )}
          />
          <div className="grid gap-4 sm:grid-cols-3">
            <FormField label={t("news.dialog.publish")} name="state">
              <Select data-testid="news-publish" {...form.register("state")}>
                {NEWS_STATE_VALUES.map((s) => (
                  <option key={s} value={s}>
                    {stateLabel[s]}
                  </option>
                ))}
              </Select>
            </FormField>
            {state === "scheduled" ? (
              <>
                <FormField label={t("news.dialog.day")} error={tr(errors.day?.message)} name="day">
                  <FormDay control={form.control} name="day" data-testid="news-day" />
                </FormField>
                <FormField
                  label={t("news.dialog.time")}
                  error={tr(errors.time?.message)}
                  name="time"
                >
                  <Input
                    inputMode="numeric"
                    placeholder="HH:mm"
                    className="w-24 tabular"
                    data-testid="news-time"
                    {...form.register("time")}
                  />
                </FormField>
              </>
            ) : null}
          </div>
          <label className="flex items-center gap-2 text-sm">
            <Checkbox data-testid="news-pin" {...form.register("pinned")} />
            {t("news.dialog.pinned")}
          </label>
          <Controller
            control={form.control}
            name="audience_roles"
            render={({ field }) => (
              <FormField
                label={t("news.dialog.audience")}
                hint={t("news.dialog.audienceHint")}
                error={errors.audience_roles?.message}
                name="audience_roles"
              >
                <AudiencePicker value={field.value} onChange={field.onChange} />
              </FormField>
            )}
          />
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" disabled={pending} data-testid="news-save">
              {pending ? <Spinner /> : null}
              {pending ? t("common.saving") : t("common.save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
