import { zodResolver } from "@hookform/resolvers/zod";
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
import { formatIDR, formatNumber, todayInJakarta } from "@/lib/format";
import { newIdempotencyKey } from "@/lib/utils";
import { platformName } from "./labels";
import { useCreateSpend } from "./marketing-api";
import {
  emptySpend,
  parseAmount,
  parseCount,
  PLATFORMS,
  SPEND_FIELDS,
  spendSchema,
  toSpendBody,
  type SpendValues,
} from "./marketing-schema";

/** Records one platform's ad spend for one day (POST /marketing/spend). */
export function SpendDialog({
  open,
  onOpenChange,
  platform,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The platform filtered on the page, preselected. */
  platform: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-xl" data-testid="marketing-spend-dialog">
        <DialogHeader>
          <DialogTitle>{t("crm.marketing.spend.dialogTitle")}</DialogTitle>
          <DialogDescription>{t("crm.marketing.spend.dialogBody")}</DialogDescription>
        </DialogHeader>
        {open ? <SpendForm platform={platform} onDone={() => onOpenChange(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function SpendForm({ platform, onDone }: { platform: string | undefined; onDone: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const errorMessage = useErrorMessage();
  const create = useCreateSpend();
  const [formError, setFormError] = useState<string | null>(null);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const form = useForm<SpendValues>({
    resolver: zodResolver(spendSchema),
    mode: "onTouched",
    defaultValues: emptySpend(todayInJakarta(), platform),
  });
  const { errors } = form.formState;
  const [amount, impressions, clicks] = useWatch({
    control: form.control,
    name: ["amount", "impressions", "clicks"],
  });
  const parsedAmount = parseAmount(amount);
  const parsedImpressions = parseCount(impressions);
  const parsedClicks = parseCount(clicks);

  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    create.mutate(
      { body: toSpendBody(values), idempotencyKey },
      {
        onSuccess: (spend) => {
          toast.success(
            t("crm.marketing.spend.saved", {
              amount: formatIDR(spend.amount, locale),
              platform: platformName(spend.platform),
            }),
          );
          onDone();
        },
        onError: (error) => {
          // The server answered: a corrected retry is a new request. A network failure
          // keeps the key so that retrying cannot record the spend twice.
          if (isApiError(error) && error.status !== 0) setIdempotencyKey(newIdempotencyKey());
          const { attached, unattached } = applyServerErrors(error, SPEND_FIELDS, form.setError);
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
      data-testid="marketing-spend-form"
    >
      {formError ? <Alert>{formError}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          label={t("crm.marketing.platform")}
          error={errors.platform?.message}
          name="platform"
        >
          <Select {...form.register("platform")}>
            <option value="" disabled>
              {t("crm.marketing.choosePlatform")}
            </option>
            {PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {platformName(p)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField
          label={t("crm.marketing.spend.date")}
          error={errors.spend_date?.message}
          hint={t("crm.marketing.spend.dateHint")}
          name="spend_date"
        >
          <FormDay control={form.control} name="spend_date" />
        </FormField>
      </div>
      <FormField
        label={t("crm.marketing.spend.amount")}
        error={errors.amount?.message}
        hint={parsedAmount ? formatIDR(parsedAmount, locale) : t("crm.marketing.spend.amountHint")}
        name="amount"
      >
        <NumberInput placeholder="1.500.000" {...form.register("amount")} />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          label={t("crm.marketing.spend.impressions")}
          error={errors.impressions?.message}
          hint={parsedImpressions !== null ? formatNumber(parsedImpressions, locale) : undefined}
          name="impressions"
          optional
        >
          <NumberInput integer {...form.register("impressions")} />
        </FormField>
        <FormField
          label={t("crm.marketing.spend.clicks")}
          error={errors.clicks?.message}
          hint={parsedClicks !== null ? formatNumber(parsedClicks, locale) : undefined}
          name="clicks"
          optional
        >
          <NumberInput integer {...form.register("clicks")} />
        </FormField>
      </div>
      <FormField
        label={t("crm.marketing.spend.campaign")}
        error={errors.campaign?.message}
        name="campaign"
        optional
      >
        <Input
          autoComplete="off"
          placeholder={t("crm.marketing.spend.campaignPlaceholder")}
          {...form.register("campaign")}
        />
      </FormField>
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onDone}>
          {t("common.cancel")}
        </Button>
        <Button type="submit" disabled={create.isPending} data-testid="marketing-spend-submit">
          {create.isPending ? <Spinner /> : null}
          {create.isPending ? t("common.saving") : t("common.save")}
        </Button>
      </DialogFooter>
    </form>
  );
}
