import { Download, FileUp } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useErrorMessage } from "@/lib/error-message";
import { formatDate } from "@/lib/format";
import { downloadBlob, useAddDocument } from "../api";
import type { Customer360 } from "../types";
import { Section } from "./customer-section";

export function Documents({
  customerId,
  documents,
}: {
  customerId: string;
  documents: Customer360["documents"];
}) {
  const { t } = useTranslation();
  const add = useAddDocument(customerId);
  const errorMessage = useErrorMessage();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState("");
  return (
    <Section title={t("crm.customer.documents")} count={documents.length}>
      {documents.length > 0 ? (
        <ul className="mb-4 divide-y divide-border">
          {documents.map((d) => (
            <li key={d.id} className="flex items-center justify-between gap-2 py-2 text-sm">
              <span>{d.title}</span>
              <span className="text-muted">{formatDate(d.created_at)}</span>
              <Button
                variant="ghost"
                size="sm"
                onClick={() =>
                  void downloadBlob(`/api/v1/files/${d.file_id}`, d.original_name ?? d.title).catch(
                    (e: unknown) => toast.error(errorMessage(e)),
                  )
                }
              >
                <Download aria-hidden /> {t("crm.customer.download")}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (!file || !title.trim()) return;
          add.mutate(
            { file, title: title.trim() },
            {
              onSuccess: () => {
                toast.success(t("crm.customer.uploaded"));
                setFile(null);
                setTitle("");
              },
              onError: (err) => toast.error(errorMessage(err)),
            },
          );
        }}
      >
        <div className="flex flex-col gap-1">
          <Label htmlFor="doc-title">{t("crm.customer.docTitle")}</Label>
          <Input id="doc-title" value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="doc-file">{t("crm.customer.docFile")}</Label>
          <Input
            id="doc-file"
            type="file"
            accept="application/pdf,image/jpeg,image/png"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <Button type="submit" variant="outline" disabled={!file || !title.trim() || add.isPending}>
          <FileUp aria-hidden /> {t("crm.customer.upload")}
        </Button>
      </form>
    </Section>
  );
}
