import { useTranslation } from "react-i18next";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { currentLocale } from "@/i18n";
import type { CreatedActivity } from "../types";
import { formatDistance } from "./geo";

/** After a visit is saved: how far from the customer it was logged. */
export function VisitResult({
  result,
  onAnother,
  onDone,
}: {
  result: CreatedActivity;
  onAnother: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
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
        <Button variant="outline" onClick={onAnother}>
          {t("crm.log.another")}
        </Button>
        <Button onClick={onDone}>{t("common.close")}</Button>
      </DialogFooter>
    </div>
  );
}
