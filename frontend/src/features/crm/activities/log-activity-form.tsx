import { useQuery } from "@tanstack/react-query";
import { CheckCircle2 } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import type { ActivityType } from "@/api/enums.gen";
import { isApiError } from "@/api/errors";
import { FormField } from "@/components/form/form-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { DialogFooter } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { useErrorMessage } from "@/lib/error-message";
import { newIdempotencyKey } from "@/lib/utils";
import { CustomerPicker, type PickedCustomer } from "../components/customer-picker";
import { useActivityTypeLabel, useStageLabel } from "../labels";
import { fromLocalInput } from "../lib/dates";
import type { CreateActivityBody, CreatedActivity } from "../types";
import { prospectsQueryOptions, useCreateActivity } from "../work-api";
import {
  activityServerErrors,
  OPEN_STAGES,
  validateActivity,
  type Errors,
} from "./activity-form-rules";
import { ActivityTypePicker } from "./activity-type-picker";
import { EvidenceFields } from "./evidence-fields";
import type { LogActivityInitial } from "./log-activity-dialog";
import { LoggedForField, NextActionFields } from "./next-action-fields";
import { useVisitEvidence } from "./use-visit-evidence";
import { VisitResult } from "./visit-result";

export function LogActivityForm({
  initial,
  onDone,
}: {
  initial: LogActivityInitial | undefined;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const typeLabel = useActivityTypeLabel();
  const stageLabel = useStageLabel();
  const errorMessage = useErrorMessage();
  const create = useCreateActivity();

  const [type, setType] = useState<ActivityType>(initial?.type ?? "call");
  const [customer, setCustomer] = useState<PickedCustomer | null>(
    initial?.customerId ? { id: initial.customerId, name: initial.customerName ?? "" } : null,
  );
  const [prospectId, setProspectId] = useState<string | null>(initial?.prospectId ?? null);
  const [subject, setSubject] = useState("");
  const [notes, setNotes] = useState("");
  const [scheduled, setScheduled] = useState(false);
  const [scheduledAt, setScheduledAt] = useState("");
  const [nextAction, setNextAction] = useState("");
  const [nextActionAt, setNextActionAt] = useState("");
  const [ownerId, setOwnerId] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [result, setResult] = useState<CreatedActivity | null>(null);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const { photo, geo, locate, onPhoto, resetPhoto } = useVisitEvidence((field) =>
    setErrors((e) => ({ ...e, [field]: undefined })),
  );

  const needsEvidence = type === "visit" && !scheduled;

  // Open prospects of the chosen customer, to link the activity to one.
  const prospects = useQuery(
    prospectsQueryOptions(
      { customer_id: customer?.id ?? "", stage: OPEN_STAGES, per_page: 20 },
      customer !== null,
    ),
  );
  const prospectOptions = prospects.data?.data ?? [];
  const onlyProspect = prospectOptions.length === 1 ? prospectOptions[0] : undefined;
  // No explicit choice yet: a single open prospect is the obvious one.
  const effectiveProspect = prospectId ?? onlyProspect?.id ?? "";

  const submit = () => {
    const found = validateActivity(
      {
        hasCustomer: customer !== null,
        subject,
        notes,
        scheduled,
        scheduledAt,
        needsEvidence,
        photo,
        geo,
        nextAction,
        nextActionAt,
      },
      t,
    );
    setErrors(found);
    if (Object.keys(found).length > 0 || !customer) return;
    const body: CreateActivityBody = {
      type,
      subject: subject.trim() || `${typeLabel(type)} — ${customer.name}`,
      ...(notes.trim() ? { notes: notes.trim() } : {}),
      ...(effectiveProspect ? { prospect_id: effectiveProspect } : { customer_id: customer.id }),
      ...(scheduled ? { scheduled_at: fromLocalInput(scheduledAt) } : {}),
      ...(type === "visit" && photo.status === "done" ? { evidence_file_id: photo.fileId } : {}),
      ...(type === "visit" && geo.status === "done"
        ? { latitude: geo.fix.latitude, longitude: geo.fix.longitude }
        : {}),
      ...(nextAction.trim()
        ? { next_action: nextAction.trim(), next_action_at: fromLocalInput(nextActionAt) }
        : {}),
      ...(ownerId ? { owner_user_id: ownerId } : {}),
    };
    create.mutate(
      { body, idempotencyKey },
      {
        onSuccess: (created) => {
          toast.success(created.task_id ? t("crm.log.savedWithTask") : t("crm.log.saved"));
          if (created.activity_type === "visit" && !created.scheduled_at) setResult(created);
          else onDone();
        },
        onError: (error) => {
          if (isApiError(error) && error.status !== 0) setIdempotencyKey(newIdempotencyKey());
          if (!isApiError(error)) {
            setErrors({ form: errorMessage(error) });
            return;
          }
          setErrors(activityServerErrors(error.details, errorMessage(error)));
        },
      },
    );
  };

  if (result) {
    return (
      <VisitResult
        result={result}
        onDone={onDone}
        onAnother={() => {
          setResult(null);
          resetPhoto();
          setSubject("");
          setNotes("");
          setNextAction("");
          setNextActionAt("");
          setIdempotencyKey(newIdempotencyKey());
        }}
      />
    );
  }

  const busy = create.isPending || photo.status === "processing" || photo.status === "uploading";

  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      data-testid="log-activity-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {errors.form ? <Alert>{errors.form}</Alert> : null}

      <ActivityTypePicker
        value={type}
        onChange={(ty) => {
          setType(ty);
          if (ty === "visit" && geo.status === "idle" && !scheduled) locate();
        }}
      />

      <CustomerPicker
        label={t("crm.log.customer")}
        value={customer}
        onChange={(c) => {
          setCustomer(c);
          setProspectId(null);
          setErrors((e) => ({ ...e, customer_id: undefined }));
        }}
        error={errors.customer_id}
        invalid={Boolean(errors.customer_id)}
      />
      {customer && prospectOptions.length > 0 ? (
        <FormField label={t("crm.log.prospect")} name="prospect_id" optional>
          <Select
            value={effectiveProspect}
            onChange={(e) => setProspectId(e.target.value)}
            data-testid="activity-prospect"
          >
            <option value="">{t("crm.log.noProspect")}</option>
            {prospectOptions.map((p) => (
              <option key={p.id} value={p.id}>
                {p.prospect_code} · {stageLabel(p.stage)}
              </option>
            ))}
          </Select>
        </FormField>
      ) : null}

      <FormField
        label={t("crm.log.subject")}
        error={errors.subject}
        hint={t("crm.log.subjectHint")}
        name="subject"
        optional
      >
        <Input
          name="subject"
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
          placeholder={customer ? `${typeLabel(type)} — ${customer.name}` : typeLabel(type)}
          data-testid="activity-subject"
        />
      </FormField>
      <FormField label={t("crm.log.notes")} error={errors.notes} name="notes" optional>
        <Textarea
          name="notes"
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          data-testid="activity-notes"
        />
      </FormField>

      <div className="flex flex-col gap-2">
        <label className="flex items-center gap-2 text-sm">
          <Checkbox
            checked={scheduled}
            onChange={(e) => setScheduled(e.target.checked)}
            data-testid="activity-scheduled"
          />
          {t("crm.log.scheduleLater")}
        </label>
        {scheduled ? (
          <FormField
            label={t("crm.log.scheduledAt")}
            error={errors.scheduled_at}
            name="scheduled_at"
          >
            <Input
              type="datetime-local"
              value={scheduledAt}
              onChange={(e) => setScheduledAt(e.target.value)}
            />
          </FormField>
        ) : null}
      </div>

      {needsEvidence ? (
        <EvidenceFields photo={photo} geo={geo} errors={errors} onPhoto={onPhoto} locate={locate} />
      ) : null}

      <NextActionFields
        nextAction={nextAction}
        nextActionAt={nextActionAt}
        errors={errors}
        onNextAction={setNextAction}
        onNextActionAt={setNextActionAt}
      />
      <LoggedForField value={ownerId} onChange={setOwnerId} />

      <DialogFooter className="mt-2">
        <Button type="button" variant="outline" onClick={onDone}>
          {t("common.cancel")}
        </Button>
        <Button type="submit" variant="accent" disabled={busy} data-testid="log-activity-submit">
          {create.isPending ? <Spinner /> : <CheckCircle2 aria-hidden />}
          {create.isPending ? t("common.saving") : t("crm.log.submit")}
        </Button>
      </DialogFooter>
    </form>
  );
}
