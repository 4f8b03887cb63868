import { useNavigate } from "@tanstack/react-router";
import { FileSpreadsheet, FileUp, Upload } from "lucide-react";
import { useId, useState, type DragEvent } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import type { ImportModule } from "@/api/enums.gen";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { buttonVariants } from "@/components/ui/button-variants";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { currentLocale } from "@/i18n";
import { useEnumLabel } from "@/lib/enums";
import { useErrorMessage } from "@/lib/error-message";
import { cn } from "@/lib/utils";
import { downloadTemplate } from "../api";
import { IMPORT_MODULE_LABEL } from "../labels";
import { ACCEPT, isSpreadsheetName, uploadRefusal } from "../lib/upload";
import { useUploadImport } from "../mutations";
import type { ImportModuleInfo } from "../types";

/**
 * Step one of an import: the target module (only those the user may write), its
 * template, and the file — dropped or chosen, uploaded at once, then the import opens.
 */
export function UploadCard({
  modules,
  initial,
}: {
  modules: ImportModuleInfo[];
  /** The module the history is filtered by, if the user may import into it. */
  initial: ImportModule | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  const locale = currentLocale();
  const navigate = useNavigate();
  const moduleLabel = useEnumLabel(IMPORT_MODULE_LABEL);
  const errorMessage = useErrorMessage();
  const upload = useUploadImport();
  const first = modules[0]?.module;
  const [picked, setPicked] = useState<ImportModule | undefined>(initial);
  const module = picked && modules.some((m) => m.module === picked) ? picked : first;
  const [dragging, setDragging] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [templating, setTemplating] = useState(false);

  const send = (file: File | undefined) => {
    if (!file || !module || upload.isPending) return;
    setProblem(null);
    if (!isSpreadsheetName(file.name)) {
      setProblem(t("imports.upload.wrongType"));
      return;
    }
    upload.mutate(
      { module, file },
      {
        onSuccess: ({ imported, existing }) => {
          if (existing) toast.info(t("imports.upload.existing", { code: imported.import_code }));
          void navigate({ to: "/imports/$importId", params: { importId: imported.id } });
        },
        onError: (e) => {
          const refusal = uploadRefusal(e, locale);
          if (refusal.kind === "too_large") setProblem(t("imports.upload.tooLarge"));
          else if (refusal.kind === "refused")
            setProblem(t("imports.upload.refused", { reason: refusal.reason }));
          else setProblem(errorMessage(refusal.error));
        },
      },
    );
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    send(e.dataTransfer.files[0]);
  };

  const template = () => {
    if (!module) return;
    setTemplating(true);
    downloadTemplate(module)
      .catch(() => toast.error(t("imports.upload.templateFailed")))
      .finally(() => setTemplating(false));
  };

  const busy = upload.isPending;
  return (
    <Card data-testid="import-upload">
      <CardHeader>
        <CardTitle>{t("imports.upload.title")}</CardTitle>
        <CardDescription>{t("imports.upload.description")}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <div className="flex flex-wrap items-end gap-3">
          <div className="flex w-full flex-col gap-1.5 sm:w-64">
            <Label htmlFor={`${id}-module`}>{t("imports.upload.module")}</Label>
            <Select
              id={`${id}-module`}
              value={module ?? ""}
              disabled={busy}
              data-testid="import-module"
              onChange={(e) => setPicked(modules.find((m) => m.module === e.target.value)?.module)}
            >
              {modules.map((m) => (
                <option key={m.module} value={m.module}>
                  {moduleLabel(m.module)}
                </option>
              ))}
            </Select>
          </div>
          <Button
            variant="outline"
            onClick={template}
            disabled={!module || templating}
            data-testid="import-template"
          >
            {templating ? <Spinner /> : <FileSpreadsheet aria-hidden />}
            {t("imports.upload.template")}
          </Button>
        </div>
        <div
          data-testid="import-dropzone"
          data-dragging={dragging || undefined}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          className={cn(
            "flex flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed border-slate-300 bg-slate-50 px-6 py-10 text-center transition-colors",
            dragging && "border-accent-500 bg-navy-50",
          )}
        >
          <Upload aria-hidden className="size-8 text-navy-700" />
          <p className="text-sm font-medium text-foreground">{t("imports.upload.drop")}</p>
          <p className="text-xs text-muted">{t("imports.upload.or")}</p>
          <input
            id={`${id}-file`}
            type="file"
            accept={ACCEPT}
            className="peer sr-only"
            disabled={busy || !module}
            data-testid="import-file"
            aria-describedby={`${id}-status`}
            onChange={(e) => {
              send(e.target.files?.[0]);
              e.target.value = "";
            }}
          />
          <label
            htmlFor={`${id}-file`}
            className={cn(
              buttonVariants({ variant: "default" }),
              "cursor-pointer peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-ring peer-disabled:pointer-events-none peer-disabled:opacity-60",
            )}
          >
            {busy ? <Spinner /> : <FileUp aria-hidden />}
            {t("imports.upload.choose")}
          </label>
          <p id={`${id}-status`} role="status" className="text-xs text-muted">
            {upload.isPending
              ? t("imports.upload.uploading", { name: upload.variables.file.name })
              : t("imports.upload.hint")}
          </p>
        </div>
        {problem ? <Alert data-testid="import-upload-error">{problem}</Alert> : null}
      </CardContent>
    </Card>
  );
}
