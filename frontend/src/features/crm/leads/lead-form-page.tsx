import { zodResolver } from "@hookform/resolvers/zod";
import { Link } from "@tanstack/react-router";
import { CheckCircle2, Link2 } from "lucide-react";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { isApiError } from "@/api/errors";
import { RFQ_SERVICE_VALUES } from "@/api/enums.gen";
import { EnumOptions } from "@/components/form/enum-options";
import { FormField } from "@/components/form/form-field";
import { PageHeader } from "@/components/layout/page-header";
import { ForbiddenState } from "@/components/states/states";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { NumberInput } from "@/components/form/number-input";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { useMe } from "@/features/auth/api";
import { useErrorMessage } from "@/lib/error-message";
import { newIdempotencyKey } from "@/lib/utils";
import { createsLeads } from "../access";
import { useCreateLead } from "../api";
import { CrmNav } from "../crm-nav";
import { RFQ_SERVICE_LABEL } from "../labels";
import { EMPTY_LEAD, formField, leadSchema, toLeadBody, type LeadValues } from "../lead-schema";
import type { LeadBundle } from "../types";
import { LeadFields } from "./lead-fields";

export default function LeadFormPage() {
  const { t } = useTranslation();
  const me = useMe();
  const create = useCreateLead();
  const errorMessage = useErrorMessage();
  const [result, setResult] = useState<LeadBundle | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  // One key per attempt: a retried submit of the same form never enters the lead twice.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const form = useForm<LeadValues>({
    resolver: zodResolver(leadSchema),
    defaultValues: EMPTY_LEAD,
    mode: "onChange",
  });
  const { register, handleSubmit, formState, setError, reset } = form;
  const needRfq = useWatch({ control: form.control, name: "need_rfq" });

  if (!createsLeads(me.role)) return <ForbiddenState />;

  const err = (name: keyof LeadValues) => {
    const message = formState.errors[name]?.message;
    if (!message) return undefined;
    return message.startsWith("crm.") ? t(message as "crm.form.invalidPhone") : message;
  };

  const onSubmit = handleSubmit((values) => {
    setFormError(null);
    create.mutate(
      { body: toLeadBody(values), key: idempotencyKey },
      {
        onSuccess: (bundle) => setResult(bundle),
        onError: (e) => {
          // A 4xx was not stored: the corrected body goes out under a fresh key.
          if (isApiError(e) && e.status >= 400 && e.status < 500) {
            setIdempotencyKey(newIdempotencyKey());
          }
          if (isApiError(e)) {
            let mapped = false;
            for (const [field, messages] of Object.entries(e.details)) {
              const name = formField(field);
              if (name) {
                setError(name, { message: messages.join(" ") });
                mapped = true;
              }
            }
            if (mapped) return;
          }
          setFormError(errorMessage(e));
        },
      },
    );
  });

  const enterAnother = () => {
    setResult(null);
    setIdempotencyKey(newIdempotencyKey());
    reset(EMPTY_LEAD);
  };

  const matchedLabel = (field: string) => t(`crm.form.matchedOn.${field}`, field);

  return (
    <>
      <PageHeader title={t("crm.form.title")} description={t("crm.form.subtitle")} />
      <CrmNav />
      {result ? (
        <Card className="max-w-3xl" data-testid="lead-result">
          <CardHeader>
            <CardTitle className="flex items-center gap-2">
              {result.dedup.matched_on ? (
                <Link2 aria-hidden className="size-5 text-navy-700" />
              ) : (
                <CheckCircle2 aria-hidden className="size-5 text-success" />
              )}
              {t("crm.form.saved", { code: result.lead_code })}
            </CardTitle>
          </CardHeader>
          <CardContent className="space-y-3 text-sm">
            <p className="text-base" data-testid="dedup-message">
              {result.dedup.matched_on
                ? t("crm.form.linked", {
                    name: result.customer_name,
                    field: matchedLabel(result.dedup.matched_on),
                  })
                : t("crm.form.newCustomer", { name: result.customer_name })}
            </p>
            {result.ticket_code ? (
              <p data-testid="rfq-ticket">
                {t("crm.form.rfqCreated", { code: result.ticket_code })}
              </p>
            ) : null}
            <div className="flex flex-wrap gap-2 pt-2">
              <Button asChild variant="outline">
                <Link to="/crm/leads/$leadId" params={{ leadId: result.lead_id }}>
                  {t("crm.form.openLead")}
                </Link>
              </Button>
              <Button asChild variant="outline">
                <Link to="/crm/customers/$customerId" params={{ customerId: result.customer_id }}>
                  {t("crm.form.openCustomer", { code: result.customer_code })}
                </Link>
              </Button>
              <Button onClick={enterAnother}>{t("crm.form.another")}</Button>
            </div>
          </CardContent>
        </Card>
      ) : (
        <form onSubmit={(e) => void onSubmit(e)} noValidate className="max-w-3xl space-y-6">
          {formError ? <Alert variant="error">{formError}</Alert> : null}
          <Card>
            <CardHeader>
              <CardTitle>{t("crm.form.customer")}</CardTitle>
              <p className="text-sm text-muted">{t("crm.form.customerHint")}</p>
            </CardHeader>
            <CardContent className="grid gap-4 sm:grid-cols-2">
              <LeadFields variant="create" register={register} err={err} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <label className="flex items-center gap-3">
                <Checkbox
                  checked={needRfq}
                  onChange={(e) =>
                    form.setValue("need_rfq", e.target.checked, { shouldValidate: true })
                  }
                  aria-describedby="rfq-hint"
                  data-testid="need-rfq"
                />
                <span className="font-semibold text-navy-900">{t("crm.form.needRfq")}</span>
              </label>
              <p id="rfq-hint" className="text-sm text-muted">
                {t("crm.form.rfqHint")}
              </p>
            </CardHeader>
            {needRfq ? (
              <CardContent className="grid gap-4 sm:grid-cols-2">
                <FormField
                  label={t("crm.form.rfqService")}
                  error={err("rfq_service")}
                  name="rfq_service"
                >
                  <Select {...register("rfq_service")}>
                    <option value="">{t("crm.form.chooseService")}</option>
                    <EnumOptions values={RFQ_SERVICE_VALUES} labels={RFQ_SERVICE_LABEL} />
                  </Select>
                </FormField>
                <FormField
                  label={t("crm.form.commodity")}
                  error={err("rfq_commodity")}
                  name="rfq_commodity"
                >
                  <Input {...register("rfq_commodity")} />
                </FormField>
                <FormField label={t("crm.form.origin")} error={err("rfq_origin")} name="rfq_origin">
                  <Input {...register("rfq_origin")} />
                </FormField>
                <FormField
                  label={t("crm.form.destination")}
                  error={err("rfq_destination")}
                  name="rfq_destination"
                >
                  <Input {...register("rfq_destination")} />
                </FormField>
                <FormField
                  label={t("crm.form.weight")}
                  error={err("rfq_weight_kg")}
                  name="rfq_weight_kg"
                  optional
                >
                  <NumberInput {...register("rfq_weight_kg")} />
                </FormField>
                <FormField
                  label={t("crm.form.volume")}
                  error={err("rfq_volume_cbm")}
                  name="rfq_volume_cbm"
                  optional
                >
                  <NumberInput {...register("rfq_volume_cbm")} />
                </FormField>
                <FormField
                  label={t("crm.form.rfqNotes")}
                  error={err("rfq_notes")}
                  name="rfq_notes"
                  optional
                  className="sm:col-span-2"
                >
                  <Input {...register("rfq_notes")} />
                </FormField>
              </CardContent>
            ) : null}
          </Card>
          <div className="flex justify-end gap-2">
            <Button asChild variant="outline">
              <Link to="/crm/leads">{t("common.cancel")}</Link>
            </Button>
            <Button type="submit" disabled={create.isPending} data-testid="save-lead">
              {create.isPending ? <Spinner /> : null}
              {t("crm.form.save")}
            </Button>
          </div>
        </form>
      )}
    </>
  );
}
