import { useQuery } from "@tanstack/react-query";
import { Camera, CheckCircle2, LocateFixed, MapPin } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { isApiError } from "@/api/errors";
import { FormField } from "@/components/form/form-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { buttonVariants } from "@/components/ui/button-variants";
import { Checkbox } from "@/components/ui/checkbox";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { useMe } from "@/features/auth/api";
import { currentLocale } from "@/i18n";
import { useErrorMessage } from "@/lib/error-message";
import { formatNumber } from "@/lib/format";
import { cn, newIdempotencyKey } from "@/lib/utils";
import { ownerScope } from "../access";
import {
  peopleQueryOptions,
  prospectsQueryOptions,
  uploadEvidence,
  useCreateActivity,
} from "../work-api";
import { CustomerPicker, type PickedCustomer } from "../components/customer-picker";
import { Textarea } from "@/components/ui/textarea";
import { useActivityTypeLabel, useStageLabel } from "../labels";
import { fromLocalInput } from "../lib/dates";
import { downscaleImage, MAX_UPLOAD_BYTES } from "../lib/image";
import type { CreateActivityBody, CreatedActivity } from "../types";
import { ActivityTypeIcon } from "./activity-type";
import { ACTIVITY_TYPE_VALUES, type ActivityType } from "@/api/enums.gen";
import { currentPosition, formatDistance, GeoError, type GeoFailure, type GeoFix } from "./geo";

export interface LogActivityInitial {
  customerId?: string;
  customerName?: string;
  prospectId?: string;
  type?: ActivityType;
}

export function LogActivityDialog({
  open,
  onOpenChange,
  initial,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  initial?: LogActivityInitial;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-xl" data-testid="log-activity-dialog">
        <DialogHeader>
          <DialogTitle>{t("crm.log.title")}</DialogTitle>
          <DialogDescription>{t("crm.log.subtitle")}</DialogDescription>
        </DialogHeader>
        {open ? <LogActivityForm initial={initial} onDone={() => onOpenChange(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

type PhotoState =
  | { status: "idle" }
  | { status: "processing" | "uploading"; preview: string | null }
  | { status: "done"; preview: string; fileId: string; bytes: number }
  | { status: "error"; preview: string | null; message: string };

type GeoState =
  | { status: "idle" }
  | { status: "locating" }
  | { status: "done"; fix: GeoFix }
  | { status: "error"; reason: GeoFailure };

type Errors = Partial<
  Record<
    | "type"
    | "subject"
    | "notes"
    | "customer_id"
    | "scheduled_at"
    | "evidence_file_id"
    | "latitude"
    | "next_action"
    | "next_action_at"
    | "form",
    string
  >
>;

const OPEN_STAGES = "new,contacted,qualification,proposal,negotiation";

function LogActivityForm({
  initial,
  onDone,
}: {
  initial: LogActivityInitial | undefined;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const locale = currentLocale();
  const typeLabel = useActivityTypeLabel();
  const stageLabel = useStageLabel();
  const errorMessage = useErrorMessage();
  const create = useCreateActivity();
  const scope = ownerScope(me);
  const ids = useId();

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
  const [photo, setPhoto] = useState<PhotoState>({ status: "idle" });
  const [geo, setGeo] = useState<GeoState>({ status: "idle" });
  const [errors, setErrors] = useState<Errors>({});
  const [result, setResult] = useState<CreatedActivity | null>(null);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const previewRef = useRef<string | null>(null);

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

  const people = useQuery({
    ...peopleQueryOptions(scope.kind === "team" ? scope.managerId : null),
    enabled: scope.kind === "team",
  });

  useEffect(
    () => () => {
      if (previewRef.current) URL.revokeObjectURL(previewRef.current);
    },
    [],
  );

  const setPreview = (blob: Blob | null): string | null => {
    if (previewRef.current) URL.revokeObjectURL(previewRef.current);
    previewRef.current = blob ? URL.createObjectURL(blob) : null;
    return previewRef.current;
  };

  const locate = () => {
    setGeo({ status: "locating" });
    currentPosition().then(
      (fix) => {
        setGeo({ status: "done", fix });
        setErrors((e) => ({ ...e, latitude: undefined }));
      },
      (error: unknown) =>
        setGeo({
          status: "error",
          reason: error instanceof GeoError ? error.reason : "unavailable",
        }),
    );
  };

  const onPhoto = async (file: File | undefined) => {
    if (!file) return;
    setErrors((e) => ({ ...e, evidence_file_id: undefined }));
    setPhoto({ status: "processing", preview: null });
    let upload: Blob;
    try {
      upload = await downscaleImage(file);
    } catch {
      // The browser cannot decode it (e.g. HEIC on some browsers): send it as is if allowed.
      if (!["image/jpeg", "image/png", "image/webp"].includes(file.type)) {
        setPhoto({ status: "error", preview: null, message: t("crm.log.photoUnsupported") });
        return;
      }
      upload = file;
    }
    if (upload.size > MAX_UPLOAD_BYTES) {
      setPhoto({ status: "error", preview: null, message: t("crm.log.photoTooLarge") });
      return;
    }
    const preview = setPreview(upload);
    setPhoto({ status: "uploading", preview });
    try {
      const stored = await uploadEvidence(upload, file.name);
      setPhoto({ status: "done", preview: preview ?? "", fileId: stored.id, bytes: upload.size });
    } catch (error) {
      setPhoto({ status: "error", preview, message: errorMessage(error) });
    }
  };

  const validate = (): Errors => {
    const next: Errors = {};
    if (!customer) next.customer_id = t("crm.log.customerRequired");
    if (subject.trim().length > 300) next.subject = "validation.maxLength|300";
    if (notes.length > 4000) next.notes = "validation.maxLength|4000";
    if (scheduled && !fromLocalInput(scheduledAt)) next.scheduled_at = "validation.required";
    if (needsEvidence) {
      if (photo.status !== "done") next.evidence_file_id = t("crm.log.photoRequired");
      if (geo.status !== "done") next.latitude = t("crm.log.locationRequired");
    }
    const hasAction = nextAction.trim() !== "";
    const hasActionAt = nextActionAt.trim() !== "";
    if (hasAction && !fromLocalInput(nextActionAt)) next.next_action_at = "validation.required";
    if (hasActionAt && !hasAction) next.next_action = "validation.required";
    return next;
  };

  const submit = () => {
    const found = validate();
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
          const known: Errors = {};
          const rest: string[] = [];
          for (const [field, messages] of Object.entries(error.details)) {
            const key =
              field === "longitude"
                ? "latitude"
                : field === "prospect_id" || field === "lead_id"
                  ? "customer_id"
                  : field;
            if (
              key in
              ({
                type: 1,
                subject: 1,
                notes: 1,
                customer_id: 1,
                scheduled_at: 1,
                evidence_file_id: 1,
                latitude: 1,
                next_action: 1,
                next_action_at: 1,
              } as const)
            )
              known[key as keyof Errors] = messages.join(" ");
            else rest.push(`${field}: ${messages.join(" ")}`);
          }
          if (Object.keys(known).length === 0 || rest.length > 0)
            known.form = [errorMessage(error), ...rest].join(" ");
          setErrors(known);
        },
      },
    );
  };

  if (result) {
    return (
      <div className="flex flex-col gap-4" data-testid="log-activity-result">
        <Alert variant="success">
          <p className="font-medium">{t("crm.log.visitSaved")}</p>
          <p data-testid="activity-distance">
            {result.distance_m !== null && result.distance_m !== undefined
              ? t("crm.log.distance", { distance: formatDistance(result.distance_m, locale) })
              : t("crm.log.distanceUnknown")}
          </p>
        </Alert>
        <DialogFooter className="mt-0">
          <Button
            variant="outline"
            onClick={() => {
              setResult(null);
              setPhoto({ status: "idle" });
              setPreview(null);
              setSubject("");
              setNotes("");
              setNextAction("");
              setNextActionAt("");
              setIdempotencyKey(newIdempotencyKey());
            }}
          >
            {t("crm.log.another")}
          </Button>
          <Button onClick={onDone}>{t("common.close")}</Button>
        </DialogFooter>
      </div>
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

      <fieldset>
        <legend className="mb-1.5 text-sm font-medium text-foreground">{t("crm.log.type")}</legend>
        <div
          role="radiogroup"
          aria-label={t("crm.log.type")}
          className="grid grid-cols-3 gap-1.5 sm:grid-cols-5"
        >
          {ACTIVITY_TYPE_VALUES.map((ty) => (
            <button
              key={ty}
              type="button"
              role="radio"
              aria-checked={type === ty}
              data-testid={`activity-type-${ty}`}
              onClick={() => {
                setType(ty);
                if (ty === "visit" && geo.status === "idle" && !scheduled) locate();
              }}
              className={cn(
                "flex flex-col items-center gap-1 rounded-md border px-1 py-2 text-xs font-medium transition-colors",
                type === ty
                  ? "border-navy-900 bg-navy-900 text-white"
                  : "border-border bg-surface text-foreground hover:bg-navy-50",
              )}
            >
              <ActivityTypeIcon type={ty} className="size-5" />
              {typeLabel(ty)}
            </button>
          ))}
        </div>
      </fieldset>

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
        <fieldset className="flex flex-col gap-3 rounded-lg border border-border bg-slate-50 p-3">
          <legend className="px-1 text-sm font-semibold text-navy-900">
            {t("crm.log.evidence")}
          </legend>
          <div className="flex flex-wrap items-start gap-3">
            {photo.status !== "idle" && photo.preview ? (
              <img
                src={photo.preview}
                alt={t("crm.log.photoPreview")}
                className="size-20 rounded-md border border-border object-cover"
              />
            ) : null}
            <div className="flex min-w-0 flex-1 flex-col gap-1.5">
              <input
                id={`${ids}-photo`}
                type="file"
                accept="image/*"
                capture="environment"
                className="peer sr-only"
                data-testid="visit-photo-input"
                disabled={photo.status === "processing" || photo.status === "uploading"}
                aria-describedby={errors.evidence_file_id ? `${ids}-photo-error` : undefined}
                onChange={(e) => {
                  void onPhoto(e.target.files?.[0]);
                  e.target.value = "";
                }}
              />
              {/* The label is the visible "button"; the input itself keeps the focus. */}
              <label
                htmlFor={`${ids}-photo`}
                className={cn(
                  buttonVariants({ variant: "outline" }),
                  "cursor-pointer self-start peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-ring peer-disabled:pointer-events-none peer-disabled:opacity-60",
                )}
              >
                {photo.status === "processing" || photo.status === "uploading" ? (
                  <Spinner />
                ) : (
                  <Camera aria-hidden />
                )}
                {photo.status === "done" ? t("crm.log.photoRetake") : t("crm.log.photoTake")}
              </label>
              <p className="text-xs text-muted" role="status">
                {photo.status === "processing"
                  ? t("crm.log.photoProcessing")
                  : photo.status === "uploading"
                    ? t("crm.log.photoUploading")
                    : photo.status === "done"
                      ? t("crm.log.photoUploaded", {
                          size: formatNumber(Math.round(photo.bytes / 1024), locale),
                        })
                      : t("crm.log.photoHint")}
              </p>
              {photo.status === "error" ? (
                <p className="text-xs font-medium text-danger">{photo.message}</p>
              ) : null}
              {errors.evidence_file_id ? (
                <p id={`${ids}-photo-error`} className="text-xs font-medium text-danger">
                  {errors.evidence_file_id}
                </p>
              ) : null}
            </div>
          </div>

          <div className="flex flex-col gap-1.5">
            <Button
              type="button"
              variant="outline"
              className="self-start"
              onClick={locate}
              disabled={geo.status === "locating"}
              data-testid="visit-locate"
            >
              {geo.status === "locating" ? <Spinner /> : <LocateFixed aria-hidden />}
              {geo.status === "done" ? t("crm.log.locateAgain") : t("crm.log.locate")}
            </Button>
            <p className="text-xs" role="status" data-testid="visit-location">
              {geo.status === "done" ? (
                <span className="inline-flex items-center gap-1 text-success">
                  <MapPin aria-hidden className="size-3.5" />
                  {t("crm.log.located", {
                    lat: geo.fix.latitude.toFixed(5),
                    lng: geo.fix.longitude.toFixed(5),
                    accuracy: formatNumber(Math.round(geo.fix.accuracy), locale),
                  })}
                </span>
              ) : geo.status === "locating" ? (
                <span className="text-muted">{t("crm.log.locating")}</span>
              ) : geo.status === "error" ? (
                <span className="font-medium text-danger">{t(`crm.log.geo.${geo.reason}`)}</span>
              ) : (
                <span className="text-muted">{t("crm.log.locationHint")}</span>
              )}
            </p>
            {errors.latitude ? (
              <p className="text-xs font-medium text-danger">{errors.latitude}</p>
            ) : null}
          </div>
        </fieldset>
      ) : null}

      <fieldset className="grid gap-3 sm:grid-cols-[1fr_auto]">
        <legend className="mb-1.5 text-sm font-medium text-foreground">
          {t("crm.log.nextAction")}{" "}
          <span className="font-normal text-muted">({t("common.optional")})</span>
        </legend>
        <FormField
          label={t("crm.log.nextActionWhat")}
          error={errors.next_action}
          name="next_action"
        >
          <Input
            value={nextAction}
            onChange={(e) => setNextAction(e.target.value)}
            placeholder={t("crm.log.nextActionPlaceholder")}
            data-testid="activity-next-action"
          />
        </FormField>
        <FormField
          label={t("crm.log.nextActionAt")}
          error={errors.next_action_at}
          name="next_action_at"
        >
          <Input
            type="datetime-local"
            value={nextActionAt}
            onChange={(e) => setNextActionAt(e.target.value)}
            data-testid="activity-next-action-at"
          />
        </FormField>
      </fieldset>

      {scope.kind === "team" && (people.data?.data.length ?? 0) > 0 ? (
        <FormField label={t("crm.log.loggedFor")} name="owner_user_id" optional>
          <Select value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
            <option value="">{t("crm.owner.me")}</option>
            {scope.managerId !== me.id ? (
              <option value={scope.managerId}>{t("crm.owner.myManager")}</option>
            ) : null}
            {(people.data?.data ?? [])
              .filter((u) => u.id !== me.id)
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {u.full_name}
                </option>
              ))}
          </Select>
        </FormField>
      ) : null}

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
