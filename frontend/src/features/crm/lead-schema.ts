/**
 * The lead form's rules, mirroring the API (CRM-1): the same NPWP, phone and e-mail
 * formats the server normalises, and at least one identifier of the customer.
 */
import { z } from "zod";
import { LEAD_STATUS_VALUES, type LeadStatus, RFQ_SERVICE_VALUES } from "@/api/enums.gen";
import { isOneOf } from "@/lib/enums";
import { v } from "@/components/form/field-error";
import { parseDecimalInput } from "@/lib/number-input";
import type { CreateLeadBody } from "./types";

/** 15 or 16 digits once dots, dashes and spaces are gone (all zeros is a placeholder). */
export function isNpwp(raw: string): boolean {
  const digits = raw.replace(/[\s.\-\u2010-\u2014]/g, "");
  return /^\d{15,16}$/.test(digits) && !/^0+$/.test(digits);
}

/** Indonesian numbers: 08…, 62…, +62 …, (021) …; other countries with +CC. */
export function isPhone(raw: string): boolean {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/[\s.\-()\u2010-\u2014]/g, "");
  if (/^\+\d{7,15}$/.test(digits)) return true;
  if (/^00\d{7,15}$/.test(digits)) return true;
  return /^(0|62)\d{6,13}$/.test(digits);
}

const optionalText = (max: number) => z.string().trim().max(max, v.max(max));

export const leadSchema = z
  .object({
    company_name: optionalText(200),
    contact_name: z.string().trim().min(1, v.required).max(200, v.max(200)),
    email: z.union([z.literal(""), z.string().trim().pipe(z.email(v.email))]),
    phone: optionalText(40).refine((p) => p === "" || isPhone(p), {
      message: "crm.form.invalidPhone",
    }),
    npwp: optionalText(40).refine((n) => n === "" || isNpwp(n), {
      message: "crm.form.invalidNpwp",
    }),
    channel: z.string().trim().min(1, v.required).max(60, v.max(60)),
    utm_campaign: optionalText(200),
    service_interest: optionalText(200),
    notes: optionalText(4000),
    need_rfq: z.boolean(),
    rfq_service: z.string(),
    rfq_origin: optionalText(200),
    rfq_destination: optionalText(200),
    rfq_commodity: optionalText(200),
    rfq_weight_kg: z.string().trim(),
    rfq_volume_cbm: z.string().trim(),
    rfq_notes: optionalText(4000),
  })
  .superRefine((value, ctx) => {
    if (![value.company_name, value.npwp, value.email, value.phone].some((x) => x.trim() !== "")) {
      ctx.addIssue({ code: "custom", path: ["company_name"], message: "crm.form.needIdentifier" });
    }
    if (!value.need_rfq) return;
    for (const field of [
      "rfq_service",
      "rfq_origin",
      "rfq_destination",
      "rfq_commodity",
    ] as const) {
      if (value[field].trim() === "")
        ctx.addIssue({ code: "custom", path: [field], message: v.required });
    }
    for (const field of ["rfq_weight_kg", "rfq_volume_cbm"] as const) {
      const raw = value[field];
      if (raw !== "" && parseDecimalInput(raw) === null) {
        ctx.addIssue({ code: "custom", path: [field], message: "crm.form.nonNegative" });
      }
    }
  });

export type LeadValues = z.infer<typeof leadSchema>;

export const EMPTY_LEAD: LeadValues = {
  company_name: "",
  contact_name: "",
  email: "",
  phone: "",
  npwp: "",
  channel: "",
  utm_campaign: "",
  service_interest: "",
  notes: "",
  need_rfq: false,
  rfq_service: "",
  rfq_origin: "",
  rfq_destination: "",
  rfq_commodity: "",
  rfq_weight_kg: "",
  rfq_volume_cbm: "",
  rfq_notes: "",
};

const blankToUndefined = (s: string) => (s.trim() === "" ? undefined : s.trim());

/** A weight or volume as typed (`1.250,5`), or nothing when left blank. */
function decimalField<K extends string>(key: K, raw: string): Partial<Record<K, number>> {
  const value = parseDecimalInput(raw);
  return value === null ? {} : ({ [key]: value } as Record<K, number>);
}

/** The request body of POST /leads for the form's values. */
export function toLeadBody(values: LeadValues): CreateLeadBody {
  const body: CreateLeadBody = {
    contact_name: values.contact_name.trim(),
    channel: values.channel.trim(),
  };
  const optional = {
    company_name: blankToUndefined(values.company_name),
    email: blankToUndefined(values.email),
    phone: blankToUndefined(values.phone),
    npwp: blankToUndefined(values.npwp),
    utm_campaign: blankToUndefined(values.utm_campaign),
    service_interest: blankToUndefined(values.service_interest),
    notes: blankToUndefined(values.notes),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (body as Record<string, unknown>)[key] = value;
  }
  if (values.need_rfq) {
    body.need_rfq = true;
    body.rfq = {
      service: isOneOf(RFQ_SERVICE_VALUES, values.rfq_service) ? values.rfq_service : undefined,
      origin: values.rfq_origin.trim(),
      destination: values.rfq_destination.trim(),
      commodity: values.rfq_commodity.trim(),
      ...decimalField("weight_kg", values.rfq_weight_kg),
      ...decimalField("volume_cbm", values.rfq_volume_cbm),
      ...(values.rfq_notes.trim() !== "" ? { notes: values.rfq_notes.trim() } : {}),
    };
  }
  return body;
}

/** Server field names (incl. nested `rfq.origin`) → the form's field names. */
export function formField(serverField: string): keyof LeadValues | undefined {
  const name = serverField.replace(/^rfq\./, "rfq_");
  return name in EMPTY_LEAD ? (name as keyof LeadValues) : undefined;
}

/** The editable fields of an existing lead (PATCH /leads/{id}). */
export const leadEditSchema = z.object({
  contact_name: z.string().trim().min(1, v.required).max(200, v.max(200)),
  company_name: optionalText(200),
  email: z.union([z.literal(""), z.string().trim().pipe(z.email(v.email))]),
  phone: optionalText(40).refine((p) => p === "" || isPhone(p), {
    message: "crm.form.invalidPhone",
  }),
  channel: z.string().trim().min(1, v.required).max(60, v.max(60)),
  status: z.string().trim().min(1, v.required),
  service_interest: optionalText(200),
  utm_campaign: optionalText(200),
  notes: optionalText(4000),
});

export type LeadEditValues = z.infer<typeof leadEditSchema>;

export const LEAD_EDIT_FIELDS = [
  "contact_name",
  "company_name",
  "email",
  "phone",
  "channel",
  "status",
  "service_interest",
  "utm_campaign",
  "notes",
] as const satisfies readonly (keyof LeadEditValues)[];

/** The form's starting values for a lead (null → ""). */
export function leadEditValues(lead: Partial<Record<keyof LeadEditValues, string | null>>) {
  return Object.fromEntries(LEAD_EDIT_FIELDS.map((k) => [k, lead[k] ?? ""])) as LeadEditValues;
}

/** The fields a lead edit changes; the status as the API's lead status. */
export type LeadPatch = Partial<Record<Exclude<keyof LeadEditValues, "status">, string>> & {
  status?: LeadStatus;
};

/** Only the changed fields, trimmed; a cleared optional field is sent as "" (clears it). */
export function toLeadPatch(values: LeadEditValues, initial: LeadEditValues): LeadPatch {
  const changed: Partial<Record<keyof LeadEditValues, string>> = {};
  for (const k of LEAD_EDIT_FIELDS) {
    const next = values[k].trim();
    if (next !== initial[k].trim()) changed[k] = next;
  }
  const { status, ...rest } = changed;
  return isOneOf(LEAD_STATUS_VALUES, status) ? { ...rest, status } : rest;
}
