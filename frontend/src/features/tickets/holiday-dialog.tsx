import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { z } from "zod";
import { HOLIDAY_KIND_VALUES } from "@/api/enums.gen";
import { FormDay } from "@/components/form/form-day";
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
import { useErrorMessage } from "@/lib/error-message";
import { HOLIDAY_KIND_LABEL } from "./labels";
import { MAX_YEAR, MIN_YEAR, holidayKind } from "./sla-calendar";
import { type Holiday, usePutHoliday } from "./sla-calendar-api";

const schema = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "validation.required"),
  name: z.string().trim().min(1, "validation.required").max(200, "validation.maxLength|200"),
  kind: z.enum(HOLIDAY_KIND_VALUES),
  tentative: z.boolean(),
});
type Values = z.infer<typeof schema>;
const FIELDS = ["day", "name", "kind"] as const;

/**
 * Adds a holiday (any date) or edits one (its date fixed): PUT /sla/holidays/{day}.
 * Server field errors go under the fields, anything else into an alert.
 */
export function HolidayDialog({
  holiday,
  onClose,
  onSaved,
}: {
  /** The holiday to edit; null to add one. */
  holiday: Holiday | null;
  onClose: () => void;
  onSaved: (day: string) => void;
}) {
  const { t } = useTranslation();
  const put = usePutHoliday();
  const errorMessage = useErrorMessage();
  const [formError, setFormError] = useState<string | null>(null);
  const editing = holiday !== null;
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    mode: "onTouched",
    defaultValues: {
      day: holiday?.day ?? "",
      name: holiday?.name ?? "",
      kind: holiday ? holidayKind(holiday.kind) : "national",
      tentative: holiday?.tentative ?? false,
    },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((v) => {
    setFormError(null);
    const day = holiday?.day ?? v.day;
    put.mutate(
      { day, body: { name: v.name, kind: v.kind, tentative: v.tentative } },
      {
        onSuccess: (saved) => {
          toast.success(
            t(editing ? "tickets.calendar.updated" : "tickets.calendar.added", {
              name: saved.name,
            }),
          );
          onSaved(saved.day);
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
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent data-testid="holiday-dialog">
        <DialogHeader>
          <DialogTitle>
            {editing ? t("tickets.calendar.editTitle") : t("tickets.calendar.add")}
          </DialogTitle>
          <DialogDescription>{t("tickets.calendar.dialogBody")}</DialogDescription>
        </DialogHeader>
        <form
          noValidate
          className="flex flex-col gap-4"
          onSubmit={(e) => void onSubmit(e)}
          data-testid="holiday-form"
        >
          {formError ? <Alert>{formError}</Alert> : null}
          <FormField
            label={t("tickets.calendar.date")}
            error={errors.day?.message}
            hint={editing ? t("tickets.calendar.dayFixed") : undefined}
            name="day"
          >
            <FormDay
              control={form.control}
              name="day"
              min={`${MIN_YEAR}-01-01`}
              max={`${MAX_YEAR}-12-31`}
              readOnly={editing}
              data-testid="holiday-day-input"
            />
          </FormField>
          <FormField label={t("tickets.calendar.name")} error={errors.name?.message} name="name">
            <Input
              autoComplete="off"
              maxLength={200}
              {...form.register("name")}
              data-testid="holiday-name-input"
            />
          </FormField>
          <FormField label={t("tickets.calendar.kind")} error={errors.kind?.message} name="kind">
            <Select {...form.register("kind")} data-testid="holiday-kind-select">
              {HOLIDAY_KIND_VALUES.map((k) => (
                <option key={k} value={k}>
                  {t(HOLIDAY_KIND_LABEL[k])}
                </option>
              ))}
            </Select>
          </FormField>
          <label className="inline-flex items-center gap-2 text-sm">
            <Checkbox {...form.register("tentative")} data-testid="holiday-tentative-input" />
            {t("tickets.calendar.tentativeField")}
          </label>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" disabled={put.isPending} data-testid="holiday-submit">
              {put.isPending ? t("common.saving") : t("common.save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
