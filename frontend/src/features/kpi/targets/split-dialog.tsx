import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
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
import { NumberInput } from "@/components/form/number-input";
import { Spinner } from "@/components/ui/spinner";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { currentLocale } from "@/i18n";
import { useErrorMessage } from "@/lib/error-message";
import { formatKpiValue } from "../lib/format";
import { periodLabel } from "../lib/period";
import { parseWeights, splitPreview } from "../lib/split";
import { useSplitTarget } from "../mutations";
import type { Metric, Target } from "../types";

/**
 * Splits a quarterly or yearly target into monthly ones (POST kpi/targets/{id}/split):
 * a sum metric's value evenly or by weights (previewed to the cent), any other metric
 * keeps its value every month.
 */
export function SplitTargetDialog({
  target,
  metric,
  months,
  onClose,
}: {
  target: Target;
  metric: Metric | undefined;
  months: readonly string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const errorMessage = useErrorMessage();
  const split = useSplitTarget();
  const [byWeight, setByWeight] = useState(false);
  const [texts, setTexts] = useState(() => months.map(() => "1"));
  const [error, setError] = useState<string | null>(null);
  const unit = metric?.unit ?? "count";
  const sum = metric?.aggregation === "sum";
  const weights = byWeight ? parseWeights(texts) : null;
  const invalid = byWeight && weights === null;
  const parts = splitPreview(target.target_value, months.length, weights, sum);

  const submit = () => {
    setError(null);
    split.mutate(
      { id: target.id, body: weights ? { weights } : {} },
      {
        onSuccess: (created) => {
          toast.success(t("kpi.targets.splitDone", { count: created.length }));
          onClose();
        },
        onError: (e) => setError(errorMessage(e)),
      },
    );
  };

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="max-w-xl" data-testid="split-dialog">
        <DialogHeader>
          <DialogTitle>{t("kpi.targets.splitTitle")}</DialogTitle>
          <DialogDescription>
            {sum ? t("kpi.targets.splitSum") : t("kpi.targets.splitKeep")}
          </DialogDescription>
        </DialogHeader>
        {error ? <Alert>{error}</Alert> : null}
        {sum ? (
          <div role="radiogroup" aria-label={t("kpi.targets.splitHow")} className="flex gap-4">
            <label className="inline-flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="split-how"
                checked={!byWeight}
                onChange={() => setByWeight(false)}
              />
              {t("kpi.targets.splitEven")}
            </label>
            <label className="inline-flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="split-how"
                checked={byWeight}
                onChange={() => setByWeight(true)}
                data-testid="split-by-weight"
              />
              {t("kpi.targets.splitWeights")}
            </label>
          </div>
        ) : null}
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>{t("kpi.period.kinds.month")}</TableHead>
              {byWeight ? <TableHead className="w-28">{t("kpi.targets.weight")}</TableHead> : null}
              <TableHead className="text-right">{t("kpi.fields.targetValue")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {months.map((m, i) => (
              <TableRow key={m}>
                <TableCell>{periodLabel(m, locale)}</TableCell>
                {byWeight ? (
                  <TableCell>
                    <NumberInput
                      integer
                      aria-label={t("kpi.targets.weightFor", { month: periodLabel(m, locale) })}
                      value={texts[i] ?? ""}
                      onChange={(e) =>
                        setTexts((all) => all.map((w, j) => (j === i ? e.target.value : w)))
                      }
                      data-testid={`split-weight-${i}`}
                    />
                  </TableCell>
                ) : null}
                <TableCell className="text-right tabular-nums" data-testid={`split-part-${i}`}>
                  {parts[i] === undefined ? "—" : formatKpiValue(parts[i], unit, locale)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {invalid ? (
          <p className="text-xs font-medium text-danger">{t("kpi.validation.weights")}</p>
        ) : null}
        <DialogFooter>
          <Button type="button" variant="outline" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            onClick={submit}
            disabled={split.isPending || invalid}
            data-testid="confirm-split"
          >
            {split.isPending ? <Spinner /> : null}
            {t("kpi.targets.splitConfirm", { count: months.length })}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
