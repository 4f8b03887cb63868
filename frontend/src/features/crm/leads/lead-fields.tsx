import type { UseFormRegister } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { LEAD_STATUS_VALUES } from "@/api/enums.gen";
import { EnumOptions } from "@/components/form/enum-options";
import { FormField } from "@/components/form/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { LeadEditValues, LeadValues } from "../lead-schema";
import { LEAD_STATUS_LABEL } from "../labels";
import { CHANNELS } from "./table";

/** The lead's own fields, which both the create form and the edit dialog have. */
type SharedField = keyof LeadValues & keyof LeadEditValues;

type LeadFieldsProps =
  | {
      /** New lead: NPWP, hints, autocomplete and a "choose a channel" placeholder. */
      variant: "create";
      register: UseFormRegister<LeadValues>;
      err: (name: keyof LeadValues) => string | undefined;
    }
  | {
      /** Existing lead: the status select; `channels` may hold the lead's own unknown one. */
      variant: "edit";
      register: UseFormRegister<LeadEditValues>;
      err: (name: keyof LeadEditValues) => string | undefined;
      channels: readonly string[];
    };

/** The lead fields of the create form (POST /leads) and the edit dialog (PATCH /leads/{id}). */
export function LeadFields(props: LeadFieldsProps) {
  const { t } = useTranslation();
  const create = props.variant === "create";
  const err: (name: SharedField) => string | undefined = props.err;
  // On a new lead the identifiers re-check the "at least one identifier" rule on company_name.
  const field = (name: SharedField, identifier = false) =>
    props.variant === "create"
      ? props.register(name, identifier ? { deps: ["company_name"] } : undefined)
      : props.register(name);
  const channels = props.variant === "edit" ? props.channels : CHANNELS;

  // Built where they stand, so the fields register in the order they render (focus on error).
  const company = () => (
    <FormField
      label={t("crm.leads.company")}
      error={err("company_name")}
      name="company_name"
      optional
    >
      <Input {...field("company_name")} autoComplete={create ? "organization" : undefined} />
    </FormField>
  );
  const contact = () => (
    <FormField label={t("crm.leads.contact")} error={err("contact_name")} name="contact_name">
      <Input {...field("contact_name")} autoComplete={create ? "name" : undefined} />
    </FormField>
  );

  return (
    <>
      {props.variant === "create" ? (
        <>
          {company()}
          <FormField
            label={t("crm.form.npwp")}
            error={props.err("npwp")}
            name="npwp"
            optional
            hint={t("crm.form.npwpHint")}
          >
            <Input {...props.register("npwp", { deps: ["company_name"] })} inputMode="numeric" />
          </FormField>
          {contact()}
        </>
      ) : (
        <>
          {contact()}
          {company()}
        </>
      )}
      <FormField
        label={t("crm.form.phone")}
        error={err("phone")}
        name="phone"
        optional
        hint={create ? t("crm.form.phoneHint") : undefined}
      >
        <Input {...field("phone", true)} type="tel" autoComplete={create ? "tel" : undefined} />
      </FormField>
      <FormField label={t("crm.form.email")} error={err("email")} name="email" optional>
        <Input {...field("email", true)} type="email" autoComplete={create ? "email" : undefined} />
      </FormField>
      <FormField label={t("crm.leads.channel")} error={err("channel")} name="channel">
        <Select {...field("channel")}>
          {create ? <option value="">{t("crm.form.chooseChannel")}</option> : null}
          {channels.map((c) => (
            <option key={c} value={c}>
              {t(`crm.channels.${c}`, c)}
            </option>
          ))}
        </Select>
      </FormField>
      {props.variant === "edit" ? (
        <FormField label={t("crm.leads.status")} error={props.err("status")} name="status">
          <Select {...props.register("status")}>
            <EnumOptions values={LEAD_STATUS_VALUES} labels={LEAD_STATUS_LABEL} />
          </Select>
        </FormField>
      ) : null}
      <FormField
        label={t("crm.form.serviceInterest")}
        error={err("service_interest")}
        name="service_interest"
        optional
      >
        <Input {...field("service_interest")} />
      </FormField>
      <FormField
        label={t("crm.form.campaign")}
        error={err("utm_campaign")}
        name="utm_campaign"
        optional
      >
        <Input {...field("utm_campaign")} />
      </FormField>
      <FormField
        label={t("crm.form.notes")}
        error={err("notes")}
        name="notes"
        optional
        className="sm:col-span-2"
      >
        <Input {...field("notes")} />
      </FormField>
    </>
  );
}
