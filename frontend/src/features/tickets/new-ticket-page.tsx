import { zodResolver } from "@hookform/resolvers/zod";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { z } from "zod";
import { FormField } from "@/components/form/form-field";
import { applyServerErrors } from "@/components/form/server-errors";
import { PageHeader } from "@/components/layout/page-header";
import { ForbiddenState } from "@/components/states/states";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input, fieldClass } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useMe } from "@/features/auth/api";
import { useErrorMessage } from "@/lib/error-message";
import { cn } from "@/lib/utils";
import { useCreateTicket } from "./api";
import { DEPARTMENT_VALUES, TICKET_PRIORITY_VALUES } from "@/api/enums.gen";
import { DEPARTMENT_LABEL, TICKET_PRIORITY_LABEL, TICKET_TYPE_LABEL } from "./labels";
import { CREATABLE_TYPES, TARGET_DEPTS, createsTickets, needsTrackingNumber } from "./lib";

const schema = z
  .object({
    subject: z.string().trim().min(1, "validation.required").max(300, "validation.maxLength|300"),
    description: z
      .string()
      .trim()
      .min(1, "validation.required")
      .max(10000, "validation.maxLength|10000"),
    ticket_type: z.enum(CREATABLE_TYPES),
    priority: z.enum(TICKET_PRIORITY_VALUES),
    dept_target: z.enum(DEPARTMENT_VALUES),
    tracking_number: z.string().trim().max(64, "validation.maxLength|64"),
    customer_phone: z.string().trim().max(32, "validation.maxLength|32"),
    contact_name: z.string().trim().max(200, "validation.maxLength|200"),
  })
  .refine((v) => !needsTrackingNumber(v.ticket_type) || v.tracking_number !== "", {
    path: ["tracking_number"],
    message: "validation.required",
  });
type Values = z.infer<typeof schema>;
const FIELDS = [
  "subject",
  "description",
  "ticket_type",
  "priority",
  "dept_target",
  "tracking_number",
  "customer_phone",
  "contact_name",
] as const;

export default function NewTicketPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const create = useCreateTicket();
  const errorMessage = useErrorMessage();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    mode: "onTouched",
    defaultValues: {
      subject: "",
      description: "",
      ticket_type: "complaint",
      priority: "medium",
      dept_target: "CS",
      tracking_number: "",
      customer_phone: "",
      contact_name: "",
    },
  });
  const { errors } = form.formState;
  const type = useWatch({ control: form.control, name: "ticket_type" });

  if (!createsTickets(me.role)) return <ForbiddenState />;

  const onSubmit = form.handleSubmit((v) => {
    setFormError(null);
    create.mutate(
      {
        subject: v.subject,
        description: v.description,
        ticket_type: v.ticket_type,
        priority: v.priority,
        dept_target: v.dept_target,
        ...(v.tracking_number ? { tracking_number: v.tracking_number } : {}),
        ...(v.customer_phone ? { customer_phone: v.customer_phone } : {}),
        ...(v.contact_name ? { contact_name: v.contact_name } : {}),
      },
      {
        onSuccess: (created) => {
          toast.success(t("tickets.new.created", { code: created.ticket_uid }));
          void navigate({
            to: "/ticketing/tickets/$ticketId",
            params: { ticketId: created.ticket_id },
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
    <>
      <PageHeader title={t("tickets.new.title")} description={t("tickets.new.subtitle")} />
      <Card className="max-w-3xl">
        <CardContent className="pt-6">
          <form
            noValidate
            onSubmit={(e) => void onSubmit(e)}
            className="flex flex-col gap-4"
            data-testid="ticket-form"
          >
            {formError ? <Alert>{formError}</Alert> : null}
            <FormField
              label={t("tickets.fields.subject")}
              error={errors.subject?.message}
              name="subject"
            >
              <Input
                autoComplete="off"
                {...form.register("subject")}
                data-testid="ticket-subject-input"
              />
            </FormField>
            <FormField
              label={t("tickets.fields.description")}
              error={errors.description?.message}
              name="description"
            >
              <textarea
                rows={5}
                className={cn(fieldClass, "h-auto py-2")}
                {...form.register("description")}
                data-testid="ticket-description-input"
              />
            </FormField>
            <div className="grid gap-4 sm:grid-cols-3">
              <FormField
                label={t("tickets.fields.type")}
                error={errors.ticket_type?.message}
                name="ticket_type"
              >
                <Select {...form.register("ticket_type")}>
                  {CREATABLE_TYPES.map((ty) => (
                    <option key={ty} value={ty}>
                      {t(TICKET_TYPE_LABEL[ty])}
                    </option>
                  ))}
                </Select>
              </FormField>
              <FormField
                label={t("tickets.fields.priority")}
                error={errors.priority?.message}
                name="priority"
              >
                <Select {...form.register("priority")}>
                  {TICKET_PRIORITY_VALUES.map((p) => (
                    <option key={p} value={p}>
                      {t(TICKET_PRIORITY_LABEL[p])}
                    </option>
                  ))}
                </Select>
              </FormField>
              <FormField
                label={t("tickets.fields.dept")}
                error={errors.dept_target?.message}
                name="dept_target"
              >
                <Select {...form.register("dept_target")}>
                  {TARGET_DEPTS.map((d) => (
                    <option key={d} value={d}>
                      {t(DEPARTMENT_LABEL[d])}
                    </option>
                  ))}
                </Select>
              </FormField>
            </div>
            <FormField
              label={t("tickets.fields.awb")}
              error={errors.tracking_number?.message}
              hint={needsTrackingNumber(type) ? t("tickets.new.awbRequired") : undefined}
              optional={!needsTrackingNumber(type)}
              name="tracking_number"
            >
              <Input autoComplete="off" {...form.register("tracking_number")} />
            </FormField>
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField
                label={t("tickets.fields.contact")}
                error={errors.contact_name?.message}
                optional
                name="contact_name"
              >
                <Input autoComplete="off" {...form.register("contact_name")} />
              </FormField>
              <FormField
                label={t("tickets.fields.phone")}
                error={errors.customer_phone?.message}
                hint={t("tickets.new.phoneHint")}
                optional
                name="customer_phone"
              >
                <Input type="tel" autoComplete="off" {...form.register("customer_phone")} />
              </FormField>
            </div>
            <div className="flex justify-end gap-2">
              <Button asChild variant="outline">
                <Link to="/ticketing/tickets">{t("common.cancel")}</Link>
              </Button>
              <Button type="submit" disabled={create.isPending} data-testid="ticket-submit">
                {create.isPending ? t("common.saving") : t("tickets.new.submit")}
              </Button>
            </div>
          </form>
        </CardContent>
      </Card>
    </>
  );
}
