import { useQueryClient } from "@tanstack/react-query";
import { Paperclip } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { saveBlob } from "@/lib/download";
import { useErrorMessage } from "@/lib/error-message";
import { evidenceQueryOptions } from "../api";

const EXTENSION: Record<string, string> = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
};

/** Downloads an entry's evidence (GET files/{id} needs the session's token). */
export function EvidenceLink({ fileId, day }: { fileId: string; day: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const open = () => {
    setBusy(true);
    queryClient
      .query(evidenceQueryOptions(fileId))
      .then((blob) => saveBlob(blob, `bukti-kpi_${day}.${EXTENSION[blob.type] ?? "bin"}`))
      .catch((e: unknown) => toast.error(errorMessage(e)))
      .finally(() => setBusy(false));
  };
  return (
    <Button variant="ghost" size="sm" onClick={open} disabled={busy} data-testid="entry-evidence">
      {busy ? <Spinner /> : <Paperclip aria-hidden />}
      {t("kpi.entries.evidenceOpen")}
    </Button>
  );
}
