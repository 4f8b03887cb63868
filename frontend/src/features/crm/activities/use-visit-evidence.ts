import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useErrorMessage } from "@/lib/error-message";
import { uploadEvidence } from "../work-api";
import { downscaleImage, MAX_UPLOAD_BYTES } from "../lib/image";
import type { GeoState, PhotoState } from "./activity-form-rules";
import { currentPosition, GeoError } from "./geo";

/**
 * A visit's evidence: the photo (downscaled, previewed, uploaded) and the device's
 * position. `onCleared` tells the form which of its errors a new value clears.
 */
export function useVisitEvidence(onCleared: (field: "evidence_file_id" | "latitude") => void) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [photo, setPhoto] = useState<PhotoState>({ status: "idle" });
  const [geo, setGeo] = useState<GeoState>({ status: "idle" });
  const previewRef = useRef<string | null>(null);

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
        onCleared("latitude");
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
    onCleared("evidence_file_id");
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

  /** Forgets the photo (a second visit is logged from scratch). */
  const resetPhoto = () => {
    setPhoto({ status: "idle" });
    setPreview(null);
  };

  return { photo, geo, locate, onPhoto, resetPhoto };
}
