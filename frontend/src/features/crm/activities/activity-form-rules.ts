/** The log-activity form's state shapes and rules: what it checks before sending, how server errors map onto its fields. */
import type { FieldErrors } from "@/api/errors";
import { fromLocalInput } from "../lib/dates";
import type { GeoFailure, GeoFix } from "./geo";

export type PhotoState =
  | { status: "idle" }
  | { status: "processing" | "uploading"; preview: string | null }
  | { status: "done"; preview: string; fileId: string; bytes: number }
  | { status: "error"; preview: string | null; message: string };

export type GeoState =
  | { status: "idle" }
  | { status: "locating" }
  | { status: "done"; fix: GeoFix }
  | { status: "error"; reason: GeoFailure };

const FIELDS = {
  type: 1,
  subject: 1,
  notes: 1,
  customer_id: 1,
  scheduled_at: 1,
  evidence_file_id: 1,
  latitude: 1,
  next_action: 1,
  next_action_at: 1,
} as const;
type Field = keyof typeof FIELDS;

export type Errors = Partial<Record<Field | "form", string>>;

/** Open pipeline stages: the prospects an activity may be linked to. */
export const OPEN_STAGES = "new,contacted,qualification,proposal,negotiation";

export interface ActivityDraft {
  hasCustomer: boolean;
  subject: string;
  notes: string;
  scheduled: boolean;
  scheduledAt: string;
  needsEvidence: boolean;
  photo: PhotoState;
  geo: GeoState;
  nextAction: string;
  nextActionAt: string;
}

/** Every problem of the draft at once; messages are i18n keys or translated text from `t`. */
export function validateActivity(draft: ActivityDraft, t: (key: Messages) => string): Errors {
  const next: Errors = {};
  if (!draft.hasCustomer) next.customer_id = t("crm.log.customerRequired");
  if (draft.subject.trim().length > 300) next.subject = "validation.maxLength|300";
  if (draft.notes.length > 4000) next.notes = "validation.maxLength|4000";
  if (draft.scheduled && !fromLocalInput(draft.scheduledAt)) {
    next.scheduled_at = "validation.required";
  }
  if (draft.needsEvidence) {
    if (draft.photo.status !== "done") next.evidence_file_id = t("crm.log.photoRequired");
    if (draft.geo.status !== "done") next.latitude = t("crm.log.locationRequired");
  }
  const hasAction = draft.nextAction.trim() !== "";
  const hasActionAt = draft.nextActionAt.trim() !== "";
  if (hasAction && !fromLocalInput(draft.nextActionAt)) next.next_action_at = "validation.required";
  if (hasActionAt && !hasAction) next.next_action = "validation.required";
  return next;
}
type Messages = "crm.log.customerRequired" | "crm.log.photoRequired" | "crm.log.locationRequired";

/**
 * The server's field errors on the form's fields (longitude shows under the
 * location, a prospect or lead under the customer); anything else joins `summary`
 * in the form-level message.
 */
export function activityServerErrors(details: FieldErrors, summary: string): Errors {
  const known: Errors = {};
  const rest: string[] = [];
  for (const [field, messages] of Object.entries(details)) {
    const key =
      field === "longitude"
        ? "latitude"
        : field === "prospect_id" || field === "lead_id"
          ? "customer_id"
          : field;
    if (key in FIELDS) known[key as Field] = messages.join(" ");
    else rest.push(`${field}: ${messages.join(" ")}`);
  }
  if (Object.keys(known).length === 0 || rest.length > 0) {
    known.form = [summary, ...rest].join(" ");
  }
  return known;
}
