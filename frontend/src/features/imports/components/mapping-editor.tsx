import { Check, Play, RotateCcw, Save, X } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { isApiError } from "@/api/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
} from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { currentLocale } from "@/i18n";
import { useErrorMessage } from "@/lib/error-message";
import { cn } from "@/lib/utils";
import { fitMapping, mappingProblems, sameMapping } from "../lib/mapping";
import { canProcess, processAgain } from "../lib/status";
import { fieldLabel } from "../lib/text";
import { useProcessImport, useSaveMapping } from "../mutations";
import type { Import, ImportField, Mapping } from "../types";
import { MappingTable } from "./mapping-table";
import { useProblemText } from "./problem-text";

/**
 * The column mapping of a staged or finished import: a module field (or "ignore") per
 * column of the file, required fields marked; saved on its own or before a run. The
 * server checks it again and answers every problem at once (shown here).
 */
export function MappingEditor({ imp, fields }: { imp: Import; fields: ImportField[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const errorMessage = useErrorMessage();
  const problemText = useProblemText(fields);
  const saved = fitMapping(imp.mapping, imp.headers.length);
  const [base, setBase] = useState<Mapping>(saved);
  const [draft, setDraft] = useState<Mapping>(saved);
  if (!sameMapping(base, saved)) {
    // The server's mapping changed (saved here, or elsewhere): start from it.
    setBase(saved);
    setDraft(saved);
  }
  const [refusal, setRefusal] = useState<{ mapping: boolean; messages: string[] } | null>(null);
  const save = useSaveMapping(imp.id);
  const run = useProcessImport(imp.id);
  const dirty = !sameMapping(draft, saved);
  const problems = mappingProblems(fields, draft);
  const busy = save.isPending || run.isPending;

  const refused = (e: unknown) => {
    if (isApiError(e) && e.status === 422) {
      const messages = Object.values(e.details).flat();
      setRefusal({ mapping: true, messages: messages.length > 0 ? messages : [errorMessage(e)] });
    } else if (isApiError(e) && e.status === 409) {
      setRefusal({
        mapping: false,
        messages: [t("imports.mapping.locked", { reason: e.message })],
      });
    } else {
      setRefusal({ mapping: false, messages: [errorMessage(e)] });
    }
  };

  /** Saves a changed mapping; false when the server refused it. */
  const persist = async (): Promise<boolean> => {
    setRefusal(null);
    if (!dirty) return true;
    try {
      await save.mutateAsync(draft);
      toast.success(t("imports.mapping.saved"));
      return true;
    } catch (e) {
      refused(e);
      return false;
    }
  };

  const processNow = async () => {
    if (!(await persist())) return;
    run.mutate(undefined, {
      onSuccess: (started) =>
        toast.info(t("imports.process.started", { code: started.import_code })),
      onError: refused,
    });
  };

  const required = fields.filter((f) => f.required);
  return (
    <Card data-testid="mapping-editor">
      <CardHeader>
        <CardTitle>{t("imports.mapping.title")}</CardTitle>
        <CardDescription>{t("imports.mapping.description")}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <MappingTable
          headers={imp.headers}
          fields={fields}
          mapping={draft}
          disabled={busy}
          onChange={(column, key) => {
            setRefusal(null);
            setDraft(draft.map((k, i) => (i === column ? key : k)));
          }}
        />
        {required.length > 0 ? (
          <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="required-fields">
            <span className="font-medium text-foreground">{t("imports.mapping.required")}:</span>
            {required.map((f) => {
              const mapped = draft.includes(f.key);
              return (
                <span
                  key={f.key}
                  data-field={f.key}
                  data-mapped={mapped}
                  className={cn(
                    "inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs",
                    mapped
                      ? "border-green-200 bg-success-soft text-success"
                      : "border-red-200 bg-danger-soft text-danger",
                  )}
                >
                  {mapped ? (
                    <Check aria-hidden className="size-3" />
                  ) : (
                    <X aria-hidden className="size-3" />
                  )}
                  {fieldLabel(f, locale)}
                  <span className="sr-only">
                    ({mapped ? t("imports.mapping.mapped") : t("imports.mapping.notMapped")})
                  </span>
                </span>
              );
            })}
          </div>
        ) : null}
        {problems.length > 0 ? (
          <div aria-live="polite" data-testid="mapping-problems" className="text-sm text-danger">
            <p className="font-medium">{t("imports.mapping.problems")}</p>
            <ul className="mt-1 list-disc pl-5">
              {problems.map((p) => (
                <li key={`${p.kind}-${p.field}`}>{problemText(p)}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {refusal ? (
          <Alert data-testid="mapping-refused">
            {refusal.mapping ? <p className="font-medium">{t("imports.mapping.refused")}</p> : null}
            <ul className={cn(refusal.mapping && "mt-1 list-disc pl-5")}>
              {refusal.messages.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
        {dirty ? <p className="text-xs text-muted">{t("imports.mapping.unsaved")}</p> : null}
      </CardContent>
      <CardFooter className="flex-wrap">
        <Button
          variant="outline"
          disabled={!dirty || busy}
          onClick={() => void persist()}
          data-testid="save-mapping"
        >
          {save.isPending ? <Spinner /> : <Save aria-hidden />}
          {t("imports.mapping.save")}
        </Button>
        {canProcess(imp) ? (
          <Button
            disabled={busy || problems.length > 0}
            title={problems.length > 0 ? t("imports.process.blocked") : undefined}
            onClick={() => void processNow()}
            data-testid="process-import"
          >
            {run.isPending ? (
              <Spinner />
            ) : processAgain(imp) ? (
              <RotateCcw aria-hidden />
            ) : (
              <Play aria-hidden />
            )}
            {processAgain(imp) ? t("imports.process.again") : t("imports.process.run")}
          </Button>
        ) : null}
      </CardFooter>
    </Card>
  );
}
