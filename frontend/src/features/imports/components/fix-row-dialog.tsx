import { Save } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { FormField } from "@/components/form/form-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { currentLocale } from "@/i18n";
import { useErrorMessage } from "@/lib/error-message";
import { cellInputs, changedCells, correctedCells, fixRefusal } from "../lib/correction";
import { fieldLabel, problemText } from "../lib/text";
import { useCorrectRow, useRefreshImport } from "../mutations";
import type { Import, ImportField, ImportRow } from "../types";

interface FixRowDialogProps {
  imp: Import;
  fields: readonly ImportField[];
  /** The row being fixed; null: the dialog is closed. */
  row: ImportRow | null;
  onClose: () => void;
}

/**
 * Fixes an error row in place: one input per column of the file, prefilled with the
 * cells as written, the row's problems above them. Saved, the row is `pending` again
 * and the next run ("Proses ulang") validates and writes it.
 */
export function FixRowDialog({ imp, fields, row, onClose }: FixRowDialogProps) {
  return row ? (
    <FixRowForm key={row.row_number} imp={imp} fields={fields} row={row} onClose={onClose} />
  ) : null;
}

function FixRowForm({ imp, fields, row, onClose }: FixRowDialogProps & { row: ImportRow }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const errorMessage = useErrorMessage();
  const correct = useCorrectRow(imp.id);
  const refresh = useRefreshImport(imp.id);
  const [inputs, setInputs] = useState(() => cellInputs(row.cells, imp.headers.length));
  const [refusal, setRefusal] = useState<string | null>(null);
  // The row moved on (404): the page is read again once the user has seen why.
  const [stale, setStale] = useState(false);
  const changed = changedCells(row.cells, inputs);

  const close = () => {
    if (stale) void refresh();
    onClose();
  };

  const labelOf = (key: string) => {
    const spec = fields.find((f) => f.key === key);
    return spec ? fieldLabel(spec, locale) : key;
  };
  const problemsOf = (key: string | null | undefined) =>
    row.errors.filter((e) => e.field === key).map((e) => problemText(e, locale));

  const save = () => {
    setRefusal(null);
    correct.mutate(
      { rowNumber: row.row_number, cells: correctedCells(row.cells, inputs) },
      {
        onSuccess: (fixed) => {
          toast.success(
            t("imports.fix.saved", { row: fixed.row_number, action: t("imports.process.again") }),
          );
          onClose();
        },
        onError: (e) => {
          const refused = fixRefusal(e);
          setStale(refused.kind === "gone");
          setRefusal(
            refused.kind === "gone"
              ? t("imports.fix.gone")
              : refused.kind === "refused"
                ? t("imports.fix.refused", { reason: refused.reasons.join(" ") })
                : errorMessage(refused.error),
          );
        },
      },
    );
  };

  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : close())}>
      <DialogContent className="max-w-2xl" data-testid="fix-row-dialog">
        <DialogHeader>
          <DialogTitle>{t("imports.fix.title", { row: row.row_number })}</DialogTitle>
          <DialogDescription>
            {t("imports.fix.description", { action: t("imports.process.again") })}
          </DialogDescription>
        </DialogHeader>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
          className="flex flex-col gap-4"
          noValidate
        >
          {row.errors.length > 0 ? (
            <div
              className="rounded-md border border-red-200 bg-danger-soft px-3 py-2 text-sm text-danger"
              data-testid="fix-problems"
            >
              <p className="font-medium">{t("imports.fix.problems")}</p>
              <ul className="mt-1 list-disc pl-5">
                {row.errors.map((e, k) => (
                  <li key={k} data-field={e.field}>
                    <span className="font-medium">{labelOf(e.field)}</span>:{" "}
                    {problemText(e, locale)}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="grid gap-4 sm:grid-cols-2">
            {imp.headers.map((header, i) => {
              const field = imp.mapping[i];
              const title = header.trim() || t("imports.mapping.untitled", { n: i + 1 });
              const problems = problemsOf(field);
              return (
                <FormField
                  key={i}
                  name={`cell-${i}`}
                  label={field ? `${title} (${labelOf(field)})` : title}
                  hint={field ? undefined : t("imports.fix.ignored")}
                  error={problems.length > 0 ? problems.join(" ") : undefined}
                >
                  <Input
                    value={inputs[i] ?? ""}
                    autoComplete="off"
                    disabled={correct.isPending}
                    data-testid={`fix-cell-${i}`}
                    onChange={(e) => {
                      const value = e.target.value;
                      setInputs((before) => before.map((v, j) => (j === i ? value : v)));
                    }}
                  />
                </FormField>
              );
            })}
          </div>
          {refusal ? <Alert data-testid="fix-refused">{refusal}</Alert> : null}
          <DialogFooter className="mt-2">
            <Button type="button" variant="outline" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button
              type="submit"
              disabled={correct.isPending || !changed || stale}
              title={changed ? undefined : t("imports.fix.unchanged")}
              data-testid="save-fix"
            >
              {correct.isPending ? <Spinner /> : <Save aria-hidden />}
              {t("imports.fix.save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
