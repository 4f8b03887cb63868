import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { isApiError } from "@/api/errors";
import { FormDay } from "@/components/form/form-day";
import { FormField } from "@/components/form/form-field";
import { applyServerErrors } from "@/components/form/server-errors";
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
import { NumberInput } from "@/components/form/number-input";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { currentLocale } from "@/i18n";
import { useErrorMessage } from "@/lib/error-message";
import { formatIDR, todayInJakarta } from "@/lib/format";
import { newIdempotencyKey } from "@/lib/utils";
import { Textarea } from "@/components/ui/textarea";
import { useEventTypeLabel } from "./labels";
import { channelsQueryOptions, useCreateEvent } from "./marketing-api";
import {
  EVENT_FIELDS,
  EVENT_TYPES,
  emptyEvent,
  eventSchema,
  parseAmount,
  toEventBody,
  type EventValues,
} from "./marketing-schema";

/** Records a marketing event: campaign, content, exhibition… (POST /marketing/events). */
export function EventDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-xl" data-testid="marketing-event-dialog">
        <DialogHeader>
          <DialogTitle>{t("crm.marketing.events.dialogTitle")}</DialogTitle>
          <DialogDescription>{t("crm.marketing.events.dialogBody")}</DialogDescription>
        </DialogHeader>
        {open ? <EventForm onDone={() => onOpenChange(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function EventForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const typeLabel = useEventTypeLabel();
  const errorMessage = useErrorMessage();
  const create = useCreateEvent();
  const channels = useQuery(channelsQueryOptions());
  const [formError, setFormError] = useState<string | null>(null);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const form = useForm<EventValues>({
    resolver: zodResolver(eventSchema),
    mode: "onTouched",
    defaultValues: emptyEvent(todayInJakarta()),
  });
  const { errors } = form.formState;
  const budget = useWatch({ control: form.control, name: "budget" });
  const parsedBudget = budget.trim() === "" ? null : parseAmount(budget);
  const activeChannels = channels.data?.filter((c) => c.is_active) ?? [];

  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    create.mutate(
      { body: toEventBody(values), idempotencyKey },
      {
        onSuccess: (event) => {
          toast.success(t("crm.marketing.events.saved", { title: event.title }));
          onDone();
        },
        onError: (error) => {
          // A network failure keeps the key so that retrying cannot record it twice.
          if (isApiError(error) && error.status !== 0) setIdempotencyKey(newIdempotencyKey());
          const { attached, unattached } = applyServerErrors(error, EVENT_FIELDS, form.setError);
          if (!attached || unattached.length > 0)
            setFormError([errorMessage(error), ...unattached].join(" "));
        },
      },
    );
  });

  return (
    <form
      noValidate
      onSubmit={(e) => void onSubmit(e)}
      className="flex flex-col gap-4"
      data-testid="marketing-event-form"
    >
      {formError ? <Alert>{formError}</Alert> : null}
      <FormField
        label={t("crm.marketing.events.titleField")}
        error={errors.title?.message}
        name="title"
      >
        <Input
          autoComplete="off"
          placeholder={t("crm.marketing.events.titlePlaceholder")}
          {...form.register("title")}
        />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          label={t("crm.marketing.events.type")}
          error={errors.event_type?.message}
          name="event_type"
        >
          <Select {...form.register("event_type")}>
            <option value="" disabled>
              {t("crm.marketing.events.chooseType")}
            </option>
            {EVENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {typeLabel(type)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField
          label={t("crm.marketing.events.date")}
          error={errors.event_date?.message}
          name="event_date"
        >
          <FormDay control={form.control} name="event_date" />
        </FormField>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          label={t("crm.marketing.events.channel")}
          error={errors.channel?.message}
          hint={
            channels.isPending
              ? t("common.loading")
              : channels.error
                ? t("crm.marketing.events.channelsFailed")
                : undefined
          }
          name="channel"
          optional
        >
          <Select {...form.register("channel")} disabled={channels.isPending}>
            <option value="">{t("crm.marketing.events.noChannel")}</option>
            {activeChannels.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField
          label={t("crm.marketing.events.budget")}
          error={errors.budget?.message}
          hint={
            parsedBudget ? formatIDR(parsedBudget, locale) : t("crm.marketing.events.budgetHint")
          }
          name="budget"
          optional
        >
          <NumberInput {...form.register("budget")} />
        </FormField>
      </div>
      <FormField
        label={t("crm.marketing.events.description")}
        error={errors.description?.message}
        name="description"
        optional
      >
        <Textarea {...form.register("description")} />
      </FormField>
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onDone}>
          {t("common.cancel")}
        </Button>
        <Button type="submit" disabled={create.isPending} data-testid="marketing-event-submit">
          {create.isPending ? <Spinner /> : null}
          {create.isPending ? t("common.saving") : t("common.save")}
        </Button>
      </DialogFooter>
    </form>
  );
}
