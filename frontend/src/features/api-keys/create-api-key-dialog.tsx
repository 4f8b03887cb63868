import { zodResolver } from "@hookform/resolvers/zod";
import { Check, Copy, TriangleAlert } from "lucide-react";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { isApiError } from "@/api/errors";
import type { CreatedApiKey } from "@/api/types";
import { v } from "@/components/form/field-error";
import { FormField } from "@/components/form/form-field";
import { applyServerErrors } from "@/components/form/server-errors";
import { translateFieldError } from "@/components/form/field-error";
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
import { API_SCOPE_VALUES } from "@/api/enums.gen";
import { Spinner } from "@/components/ui/spinner";
import { useErrorMessage } from "@/lib/error-message";
import { newIdempotencyKey } from "@/lib/utils";
import { useCreateApiKey } from "./api";
import { API_SCOPE_HELP } from "./table";

const schema = z.object({
  name: z.string().trim().min(1, v.required).max(100, v.max(100)),
  scopes: z.array(z.enum(API_SCOPE_VALUES)).min(1, v.scopes),
});
type Values = z.infer<typeof schema>;

export function CreateApiKeyDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
}) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const close = (o: boolean) => {
    onOpenChange(o);
    if (!o) setCreated(null);
  };
  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent
        // Do not lose the only copy of the key by clicking outside.
        onInteractOutside={(e) => created && e.preventDefault()}
      >
        {created ? (
          <CreatedKey created={created} onDone={() => close(false)} />
        ) : (
          <>
            <DialogHeader>
              <DialogTitle>{t("apiKeys.createTitle")}</DialogTitle>
              <DialogDescription>{t("apiKeys.subtitle")}</DialogDescription>
            </DialogHeader>
            {open ? <CreateForm onCreated={setCreated} onCancel={() => close(false)} /> : null}
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}

function CreateForm({
  onCreated,
  onCancel,
}: {
  onCreated: (k: CreatedApiKey) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateApiKey();
  const errorMessage = useErrorMessage();
  const [key, setKey] = useState(newIdempotencyKey);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    mode: "onTouched",
    defaultValues: { name: "", scopes: [] },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    create.mutate(
      { body: { name: values.name.trim(), scopes: values.scopes }, idempotencyKey: key },
      {
        onSuccess: onCreated,
        onError: (error) => {
          const { attached, unattached } = applyServerErrors(
            error,
            ["name", "scopes"] as const,
            form.setError,
          );
          if (!attached || unattached.length > 0)
            setFormError([errorMessage(error), ...unattached].join(" "));
          if (isApiError(error) && error.status !== 0) setKey(newIdempotencyKey());
        },
      },
    );
  });

  return (
    <form
      noValidate
      onSubmit={(e) => void onSubmit(e)}
      className="flex flex-col gap-4"
      data-testid="api-key-form"
    >
      {formError ? <Alert>{formError}</Alert> : null}
      <FormField label={t("apiKeys.name")} error={errors.name?.message} name="name">
        <Input
          autoComplete="off"
          placeholder={t("apiKeys.namePlaceholder")}
          {...form.register("name")}
        />
      </FormField>
      <fieldset
        className="flex flex-col gap-2"
        aria-describedby={errors.scopes ? "scopes-error" : undefined}
      >
        <legend className="mb-1 text-sm font-medium">{t("apiKeys.scopes")}</legend>
        <Controller
          control={form.control}
          name="scopes"
          render={({ field }) => (
            <>
              {API_SCOPE_VALUES.map((scope) => (
                <label
                  key={scope}
                  className="flex items-start gap-3 rounded-md border border-border p-3 hover:bg-slate-50"
                >
                  <Checkbox
                    className="mt-0.5"
                    value={scope}
                    data-testid={`scope-${scope}`}
                    checked={field.value.includes(scope)}
                    onBlur={field.onBlur}
                    onChange={(e) =>
                      field.onChange(
                        e.target.checked
                          ? [...field.value, scope]
                          : field.value.filter((s) => s !== scope),
                      )
                    }
                  />
                  <span className="flex flex-col">
                    <code className="text-sm font-medium text-navy-900">{scope}</code>
                    <span className="text-xs text-muted">{t(API_SCOPE_HELP[scope])}</span>
                  </span>
                </label>
              ))}
            </>
          )}
        />
        {errors.scopes?.message ? (
          <p id="scopes-error" className="text-xs font-medium text-danger">
            {translateFieldError(errors.scopes.message, t)}
          </p>
        ) : null}
      </fieldset>
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onCancel}>
          {t("common.cancel")}
        </Button>
        <Button type="submit" disabled={create.isPending} data-testid="api-key-submit">
          {create.isPending ? <Spinner /> : null}
          {t("common.create")}
        </Button>
      </DialogFooter>
    </form>
  );
}

function CreatedKey({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied(true);
    } catch {
      const el = document.getElementById("created-api-key");
      if (el instanceof HTMLInputElement) el.select();
    }
  };
  return (
    <>
      <DialogHeader>
        <DialogTitle>{t("apiKeys.createdTitle")}</DialogTitle>
        <DialogDescription>{created.name}</DialogDescription>
      </DialogHeader>
      <Alert variant="info" className="mb-4">
        <span className="flex items-start gap-1">
          <TriangleAlert aria-hidden className="sr-only" />
          {t("apiKeys.createdBody")}
        </span>
      </Alert>
      <label htmlFor="created-api-key" className="mb-1.5 block text-sm font-medium">
        {t("apiKeys.keyLabel")}
      </label>
      <div className="flex gap-2">
        <Input
          id="created-api-key"
          readOnly
          value={created.key}
          className="font-mono text-xs"
          data-testid="api-key-plaintext"
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button
          type="button"
          variant="outline"
          onClick={() => void copy()}
          data-testid="api-key-copy"
        >
          {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
          {copied ? t("common.copied") : t("common.copy")}
        </Button>
      </div>
      <p role="status" className="sr-only">
        {copied ? t("common.copied") : ""}
      </p>
      <DialogFooter>
        <Button type="button" onClick={onDone} data-testid="api-key-done">
          {t("apiKeys.done")}
        </Button>
      </DialogFooter>
    </>
  );
}
