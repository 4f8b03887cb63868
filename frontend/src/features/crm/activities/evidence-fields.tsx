import { Camera, LocateFixed, MapPin } from "lucide-react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { buttonVariants } from "@/components/ui/button-variants";
import { Spinner } from "@/components/ui/spinner";
import { currentLocale } from "@/i18n";
import { formatNumber } from "@/lib/format";
import { cn } from "@/lib/utils";
import type { Errors, GeoState, PhotoState } from "./activity-form-rules";

/** The photo and location a visit needs as evidence. */
export function EvidenceFields({
  photo,
  geo,
  errors,
  onPhoto,
  locate,
}: {
  photo: PhotoState;
  geo: GeoState;
  errors: Errors;
  onPhoto: (file: File | undefined) => Promise<void>;
  locate: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const ids = useId();
  return (
    <fieldset className="flex flex-col gap-3 rounded-lg border border-border bg-slate-50 p-3">
      <legend className="px-1 text-sm font-semibold text-navy-900">{t("crm.log.evidence")}</legend>
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
  );
}
