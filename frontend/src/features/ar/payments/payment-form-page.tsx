import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { PAYMENT_METHOD_VALUES } from "@/api/enums.gen";
import { isApiError } from "@/api/errors";
import { EnumOptions } from "@/components/form/enum-options";
import { translateFieldError } from "@/components/form/field-error";
import { FormField } from "@/components/form/form-field";
import { ForbiddenState } from "@/components/states/states";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { NumberInput } from "@/components/form/number-input";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { useMe } from "@/features/auth/api";
import { currentLocale } from "@/i18n";
import { useErrorMessage } from "@/lib/error-message";
import { formatIDR, todayInJakarta } from "@/lib/format";
import { parseMoneyInput, toCents } from "@/lib/money";
import { useUrlSearch } from "@/lib/url-search";
import { newIdempotencyKey } from "@/lib/utils";
import { writesAr } from "../access";
import { openInvoicesQueryOptions } from "../api";
import { ArPage } from "../components/ar-page";
import { customerIdFrom, usePickedCustomer } from "../components/customer-field";
import { ArCustomerPicker } from "../components/customer-picker";
import { FormDay } from "@/components/form/form-day";
import { PAYMENT_METHOD_LABEL } from "../labels";
import { draftAllocations, fifoPreview, mapAllocationErrors } from "../lib/allocation";
import { useCreatePayment } from "../mutations";
import { AllocationEditor, type AllocationMode } from "./allocation-editor";
import {
  emptyPayment,
  PAYMENT_FIELDS,
  paymentSchema,
  toPaymentBody,
  type PaymentBase,
  type PaymentValues,
} from "./payment-schema";

const SEARCH_KEYS = ["customer_id"] as const;

/** Records a payment (POST /payments) and its allocation: finance and super admin only. */
export default function PaymentFormPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!writesAr(me.role)) return <ForbiddenState />;
  return (
    <ArPage title={t("ar.paymentForm.title")} description={t("ar.paymentForm.subtitle")}>
      <PaymentForm />
    </ArPage>
  );
}

function PaymentForm() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const initialCustomer = customerIdFrom(useUrlSearch(SEARCH_KEYS)[0].customer_id);
  const create = useCreatePayment();
  const today = todayInJakarta();
  const [formError, setFormError] = useState<string | null>(null);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [mode, setMode] = useState<AllocationMode>("fifo");
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [summaryErrors, setSummaryErrors] = useState<string[]>([]);
  const form = useForm<PaymentValues, unknown, PaymentBase>({
    resolver: zodResolver(paymentSchema(today)),
    mode: "onTouched",
    defaultValues: { ...emptyPayment(today), customer_id: initialCustomer },
  });
  const { errors } = form.formState;
  const { setValue } = form;
  const [customer, setCustomer] = usePickedCustomer(initialCustomer, (id) => {
    setValue("customer_id", id, { shouldValidate: id !== "" });
    setTexts({});
    setRowErrors({});
    setSummaryErrors([]);
  });
  const [customerId, amountText] = useWatch({
    control: form.control,
    name: ["customer_id", "amount"],
  });
  const payment = parseMoneyInput(amountText);
  const open = useQuery({ ...openInvoicesQueryOptions(customerId), enabled: customerId !== "" });
  const rows = open.data ?? [];
  const preview = fifoPreview(payment ? toCents(payment) : 0n, rows);
  const draft = draftAllocations(payment, rows, texts);

  const onSubmit = form.handleSubmit((base) => {
    setFormError(null);
    setRowErrors({});
    setSummaryErrors([]);
    if (mode === "manual" && (Object.keys(draft.problems).length > 0 || draft.over)) {
      setFormError(t("ar.allocation.fixRows"));
      return;
    }
    const allocations = mode === "manual" ? draft.allocations : null;
    create.mutate(
      { body: toPaymentBody(base, allocations), idempotencyKey },
      {
        onSuccess: (p) => {
          toast.success(
            t("ar.paymentForm.saved", {
              code: p.payment_code,
              allocated: formatIDR(p.allocated, locale),
              credit: formatIDR(p.unapplied, locale),
            }),
          );
          void navigate({ to: "/dso/payments" });
        },
        onError: (error) => {
          if (!isApiError(error)) {
            setFormError(errorMessage(error));
            return;
          }
          // The server answered: a corrected retry is a new request.
          if (error.status !== 0) setIdempotencyKey(newIdempotencyKey());
          if (error.status === 409) {
            void open.refetch();
            setFormError(t("ar.paymentForm.changed"));
            return;
          }
          const mapped = mapAllocationErrors(error.details, allocations ?? []);
          setRowErrors(mapped.rows);
          setSummaryErrors(mapped.summary);
          const unattached: string[] = [];
          for (const [field, messages] of Object.entries(mapped.fields)) {
            const name = PAYMENT_FIELDS.find((f) => f === field);
            if (name) form.setError(name, { type: "server", message: messages.join(" ") });
            else unattached.push(`${field}: ${messages.join(" ")}`);
          }
          const attached =
            Object.keys(mapped.rows).length +
              mapped.summary.length +
              Object.keys(mapped.fields).length >
            unattached.length;
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
      className="flex max-w-5xl flex-col gap-4"
      data-testid="payment-form"
    >
      {formError ? <Alert data-testid="payment-form-error">{formError}</Alert> : null}
      <Card>
        <CardContent className="flex flex-col gap-4 pt-5">
          <ArCustomerPicker
            label={t("ar.fields.customer")}
            value={customer}
            onChange={setCustomer}
            error={
              errors.customer_id?.message
                ? translateFieldError(errors.customer_id.message, t)
                : undefined
            }
          />
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <FormField
              label={t("ar.fields.paymentDate")}
              error={errors.payment_date?.message}
              hint={t("ar.paymentForm.dateHint")}
              name="payment_date"
            >
              <FormDay
                control={form.control}
                name="payment_date"
                max={today}
                data-testid="payment-date"
              />
            </FormField>
            <FormField
              label={t("ar.fields.amount")}
              error={errors.amount?.message}
              hint={payment ? formatIDR(payment, locale) : t("ar.invoiceForm.amountHint")}
              name="amount"
            >
              <NumberInput
                placeholder="1.500.000"
                data-testid="payment-amount"
                {...form.register("amount")}
              />
            </FormField>
            <FormField label={t("ar.fields.method")} error={errors.method?.message} name="method">
              <Select {...form.register("method")}>
                <EnumOptions values={PAYMENT_METHOD_VALUES} labels={PAYMENT_METHOD_LABEL} />
              </Select>
            </FormField>
            <FormField
              label={t("ar.fields.reference")}
              error={errors.reference?.message}
              name="reference"
              optional
            >
              <Input
                autoComplete="off"
                placeholder="TRF BCA 0412"
                {...form.register("reference")}
              />
            </FormField>
          </div>
        </CardContent>
      </Card>
      <Card>
        <CardContent className="pt-5">
          <AllocationEditor
            rows={rows}
            isLoading={customerId !== "" && open.isPending}
            error={open.error}
            onRetry={() => void open.refetch()}
            hasCustomer={customerId !== ""}
            payment={payment}
            mode={mode}
            onMode={setMode}
            texts={texts}
            onTexts={(next) => {
              setTexts(next);
              setRowErrors({});
            }}
            preview={preview}
            draft={draft}
            rowErrors={rowErrors}
            summaryErrors={summaryErrors}
          />
        </CardContent>
      </Card>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="outline" onClick={() => window.history.back()}>
          {t("common.cancel")}
        </Button>
        <Button type="submit" disabled={create.isPending} data-testid="save-payment">
          {create.isPending ? <Spinner /> : null}
          {create.isPending ? t("common.saving") : t("common.save")}
        </Button>
      </div>
    </form>
  );
}
