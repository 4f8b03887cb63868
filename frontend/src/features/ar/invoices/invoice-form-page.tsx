import { zodResolver } from "@hookform/resolvers/zod";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { isApiError } from "@/api/errors";
import { FormField } from "@/components/form/form-field";
import { translateFieldError } from "@/components/form/field-error";
import { applyServerErrors } from "@/components/form/server-errors";
import { ForbiddenState } from "@/components/states/states";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { NumberInput } from "@/components/form/number-input";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { useMe } from "@/features/auth/api";
import { currentLocale } from "@/i18n";
import { useErrorMessage } from "@/lib/error-message";
import { formatIDR, todayInJakarta } from "@/lib/format";
import { parseMoneyInput } from "@/lib/money";
import { useUrlSearch } from "@/lib/url-search";
import { newIdempotencyKey } from "@/lib/utils";
import { writesAr } from "../access";
import { ArPage } from "../components/ar-page";
import { ArCustomerPicker } from "../components/customer-picker";
import { customerIdFrom, usePickedCustomer } from "../components/customer-field";
import { FormDay } from "@/components/form/form-day";
import { addDays } from "../lib/as-of";
import { useCreateInvoice } from "../mutations";
import {
  emptyInvoice,
  INVOICE_FIELDS,
  invoiceSchema,
  type InvoiceBody,
  type InvoiceValues,
} from "./invoice-schema";

const SEARCH_KEYS = ["customer_id"] as const;

/** Payment terms the form starts with. */
const DEFAULT_TERM_DAYS = 30;

/** A new invoice (POST /invoices): finance and super admin only. */
export default function InvoiceFormPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!writesAr(me.role)) return <ForbiddenState />;
  return (
    <ArPage title={t("ar.invoiceForm.title")} description={t("ar.invoiceForm.subtitle")}>
      <InvoiceForm />
    </ArPage>
  );
}

function InvoiceForm() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const initialCustomer = customerIdFrom(useUrlSearch(SEARCH_KEYS)[0].customer_id);
  const create = useCreateInvoice();
  const [formError, setFormError] = useState<string | null>(null);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const today = todayInJakarta();
  const form = useForm<InvoiceValues, unknown, InvoiceBody>({
    resolver: zodResolver(invoiceSchema),
    mode: "onTouched",
    defaultValues: emptyInvoice(today, addDays(today, DEFAULT_TERM_DAYS), initialCustomer),
  });
  const { errors } = form.formState;
  const { setValue } = form;
  const [customer, setCustomer] = usePickedCustomer(initialCustomer, (id) =>
    setValue("customer_id", id, { shouldValidate: id !== "" }),
  );
  const amount = useWatch({ control: form.control, name: "amount" });
  const parsed = parseMoneyInput(amount);

  const onSubmit = form.handleSubmit((body) => {
    setFormError(null);
    create.mutate(
      { body, idempotencyKey },
      {
        onSuccess: (invoice) => {
          toast.success(t("ar.invoiceForm.saved", { code: invoice.invoice_code }));
          void navigate({ to: "/dso/invoices/$invoiceId", params: { invoiceId: invoice.id } });
        },
        onError: (error) => {
          // The server answered: a corrected retry is a new request (a network failure
          // keeps the key, so a retry cannot record the invoice twice).
          if (isApiError(error) && error.status !== 0) setIdempotencyKey(newIdempotencyKey());
          const { attached, unattached } = applyServerErrors(error, INVOICE_FIELDS, form.setError);
          if (!attached || unattached.length > 0)
            setFormError([errorMessage(error), ...unattached].join(" "));
        },
      },
    );
  });

  const err = (message: string | undefined) =>
    message ? translateFieldError(message, t) : undefined;

  return (
    <Card className="max-w-3xl">
      <CardContent className="pt-5">
        <form
          noValidate
          onSubmit={(e) => void onSubmit(e)}
          className="flex flex-col gap-4"
          data-testid="invoice-form"
        >
          {formError ? <Alert>{formError}</Alert> : null}
          <ArCustomerPicker
            label={t("ar.fields.customer")}
            value={customer}
            onChange={setCustomer}
            error={err(errors.customer_id?.message)}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField
              label={t("ar.fields.invoiceDate")}
              error={errors.invoice_date?.message}
              name="invoice_date"
            >
              <FormDay control={form.control} name="invoice_date" data-testid="invoice-date" />
            </FormField>
            <FormField
              label={t("ar.fields.dueDate")}
              error={errors.due_date?.message}
              hint={t("ar.invoiceForm.dueHint")}
              name="due_date"
            >
              <FormDay control={form.control} name="due_date" data-testid="due-date" />
            </FormField>
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField
              label={t("ar.fields.amount")}
              error={errors.amount?.message}
              hint={parsed ? formatIDR(parsed, locale) : t("ar.invoiceForm.amountHint")}
              name="amount"
            >
              <NumberInput
                placeholder="1.500.000"
                data-testid="invoice-amount"
                {...form.register("amount")}
              />
            </FormField>
            <FormField
              label={t("ar.fields.invoiceNumber")}
              error={errors.invoice_number?.message}
              name="invoice_number"
              optional
            >
              <Input autoComplete="off" {...form.register("invoice_number")} />
            </FormField>
          </div>
          <FormField
            label={t("ar.fields.description")}
            error={errors.description?.message}
            name="description"
            optional
          >
            <Textarea {...form.register("description")} />
          </FormField>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="outline" onClick={() => window.history.back()}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" disabled={create.isPending} data-testid="save-invoice">
              {create.isPending ? <Spinner /> : null}
              {create.isPending ? t("common.saving") : t("common.save")}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
