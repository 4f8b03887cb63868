import { FileText, Paperclip, X } from "lucide-react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { buttonVariants } from "@/components/ui/button-variants";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { currentLocale } from "@/i18n";
import { useErrorMessage } from "@/lib/error-message";
import { formatNumber } from "@/lib/format";
import { cn } from "@/lib/utils";
import { uploadEvidence } from "../mutations";

/** What bucket `kpi-evidence` takes: photos and PDFs up to 10 MB. */
const ACCEPT = "image/jpeg,image/png,image/webp,application/pdf";
const MAX_BYTES = 10 * 1024 * 1024;

type State =
  | { status: "idle" }
  | { status: "uploading"; name: string }
  | { status: "done"; name: string; bytes: number }
  | { status: "error"; message: string };

/**
 * Evidence of an entry (a receipt, an enrolment list): uploaded as soon as it is chosen
 * (POST files, bucket `kpi-evidence`), its id goes with the entry.
 */
export function EvidenceField({
  onUploaded,
  error,
}: {
  onUploaded: (fileId: string) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const id = useId();
  const errorMessage = useErrorMessage();
  const [state, setState] = useState<State>({ status: "idle" });

  const pick = async (file: File | undefined) => {
    if (!file) return;
    if (!ACCEPT.split(",").includes(file.type)) {
      setState({ status: "error", message: t("kpi.entries.evidenceType") });
      return;
    }
    if (file.size > MAX_BYTES) {
      setState({ status: "error", message: t("kpi.entries.evidenceTooLarge") });
      return;
    }
    setState({ status: "uploading", name: file.name });
    onUploaded("");
    try {
      const stored = await uploadEvidence(file);
      setState({ status: "done", name: stored.original_name, bytes: stored.size_bytes });
      onUploaded(stored.id);
    } catch (e) {
      setState({ status: "error", message: errorMessage(e) });
    }
  };

  const busy = state.status === "uploading";
  return (
    <fieldset className="flex flex-col gap-1.5">
      <legend className="mb-1 text-sm font-medium text-foreground">
        {t("kpi.entries.evidence")}{" "}
        <span className="font-normal text-muted">({t("common.optional")})</span>
      </legend>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id={`${id}-file`}
          type="file"
          accept={ACCEPT}
          className="peer sr-only"
          disabled={busy}
          data-testid="evidence-input"
          aria-describedby={`${id}-status`}
          onChange={(e) => {
            void pick(e.target.files?.[0]);
            e.target.value = "";
          }}
        />
        <label
          htmlFor={`${id}-file`}
          className={cn(
            buttonVariants({ variant: "outline" }),
            "cursor-pointer peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-ring peer-disabled:pointer-events-none peer-disabled:opacity-60",
          )}
        >
          {busy ? <Spinner /> : <Paperclip aria-hidden />}
          {state.status === "done"
            ? t("kpi.entries.evidenceReplace")
            : t("kpi.entries.evidencePick")}
        </label>
        {state.status === "done" ? (
          <span className="inline-flex items-center gap-1 text-sm" data-testid="evidence-done">
            <FileText aria-hidden className="size-4 text-navy-700" />
            {state.name} ({formatNumber(Math.max(1, Math.round(state.bytes / 1024)), locale)} KB)
            <Button
              type="button"
              variant="ghost"
              size="icon-sm"
              aria-label={t("kpi.entries.evidenceRemove")}
              onClick={() => {
                setState({ status: "idle" });
                onUploaded("");
              }}
            >
              <X aria-hidden />
            </Button>
          </span>
        ) : null}
      </div>
      <p id={`${id}-status`} role="status" className="text-xs text-muted">
        {state.status === "uploading"
          ? t("kpi.entries.evidenceUploading", { name: state.name })
          : t("kpi.entries.evidenceHint")}
      </p>
      {state.status === "error" ? (
        <p className="text-xs font-medium text-danger">{state.message}</p>
      ) : null}
      {error ? <p className="text-xs font-medium text-danger">{error}</p> : null}
    </fieldset>
  );
}
