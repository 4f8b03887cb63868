import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { z } from "zod";
import { FormDay } from "@/components/form/form-day";
import { FormField } from "@/components/form/form-field";
import { applyServerErrors } from "@/components/form/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { NumberInput } from "@/components/form/number-input";
import { Spinner } from "@/components/ui/spinner";
import { currentLocale } from "@/i18n";
import { useErrorMessage } from "@/lib/error-message";
import { formatIDR } from "@/lib/format";
import { useUpdateProspect } from "../work-api";
import { Textarea } from "@/components/ui/textarea";
import { formatDecimalInput } from "@/lib/number-input";
import { parseRupiahInput } from "../lib/money";
import type { ProspectDetail } from "../types";

const schema = z.object({
  expected_value: z
    .string()
    .refine((v) => v.trim() === "" || parseRupiahInput(v) !== null, "crm.validation.rupiah"),
  expected_close_date: z.string(),
  notes: z.string().max(4000, "validation.maxLength|4000"),
});

type Values = z.infer<typeof schema>;
const FIELDS = ["expected_value", "expected_close_date", "notes"] as const;

/** The expected value as the field shows it (`1.500.000,50`), blank for none. */
const valueText = (value: string) => (Number(value) ? formatDecimalInput(value) : "");

export function ProspectForm({ prospect }: { prospect: ProspectDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const errorMessage = useErrorMessage();
  const update = useUpdateProspect();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    mode: "onTouched",
    defaultValues: {
      expected_value: valueText(prospect.expected_value),
      expected_close_date: prospect.expected_close_date ?? "",
      notes: prospect.notes,
    },
  });
  const { errors, isDirty } = form.formState;
  const typed = useWatch({ control: form.control, name: "expected_value" });
  const parsed = parseRupiahInput(typed);

  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    update.mutate(
      {
        id: prospect.id,
        body: {
          expected_value: parseRupiahInput(values.expected_value) ?? "0.00",
          expected_close_date: values.expected_close_date,
          notes: values.notes,
        },
      },
      {
        onSuccess: (p) => {
          toast.success(t("crm.prospect.saved"));
          form.reset({
            expected_value: valueText(p.expected_value),
            expected_close_date: p.expected_close_date ?? "",
            notes: p.notes,
          });
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
    <form
      noValidate
      onSubmit={(e) => void onSubmit(e)}
      className="mt-6 flex flex-col gap-4 rounded-lg border border-border p-4"
      data-testid="prospect-form"
    >
      <h3 className="text-sm font-semibold text-navy-900">{t("crm.prospect.edit")}</h3>
      {formError ? <Alert>{formError}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          label={t("crm.prospect.value")}
          error={errors.expected_value?.message}
          hint={parsed ? formatIDR(parsed, locale) : t("crm.prospect.valueHint")}
          name="expected_value"
        >
          <NumberInput {...form.register("expected_value")} />
        </FormField>
        <FormField
          label={t("crm.pipeline.closeDate")}
          error={errors.expected_close_date?.message}
          name="expected_close_date"
          optional
        >
          <FormDay control={form.control} name="expected_close_date" />
        </FormField>
      </div>
      <FormField
        label={t("crm.prospect.notes")}
        error={errors.notes?.message}
        name="notes"
        optional
      >
        <Textarea {...form.register("notes")} />
      </FormField>
      <DialogFooter className="mt-0">
        <Button type="submit" disabled={update.isPending || !isDirty}>
          {update.isPending ? <Spinner /> : null}
          {update.isPending ? t("common.saving") : t("common.save")}
        </Button>
      </DialogFooter>
    </form>
  );
}
