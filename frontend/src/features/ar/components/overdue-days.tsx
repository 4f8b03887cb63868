import { useTranslation } from "react-i18next";

/** Days past due, or a dash while not yet due. */
export function OverdueDays({ days }: { days: number }) {
  const { t } = useTranslation();
  return days > 0 ? (
    <span className="font-medium text-danger">{t("ar.overdueDays", { count: days })}</span>
  ) : (
    <span className="text-muted">{t("ar.notDue")}</span>
  );
}
