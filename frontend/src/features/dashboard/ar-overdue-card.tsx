import { useTranslation } from "react-i18next";
import { Card } from "@/components/ui/card";
import { currentLocale } from "@/i18n";
import { formatIDR, formatNumber } from "@/lib/format";
import { cn } from "@/lib/utils";
import { AppLink, linkClass } from "./dashboard-link";

/**
 * DASH-1 "AR overdue total": Σ outstanding of the invoices overdue today in the caller's
 * AR scope and how many they are, linked to the same filter of the DSO overview (DASH-2).
 */
export function ArOverdueCard({ total, invoices }: { total: string; invoices: number }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Card className="flex flex-col gap-1 p-4">
      <p className="text-sm text-muted">{t("dashboard.widgets.arOverdue")}</p>
      <p
        data-testid="dash-ar-overdue"
        className={cn(
          "text-xl font-semibold whitespace-nowrap tabular-nums text-navy-900",
          Number(total) > 0 && "text-danger",
        )}
      >
        {formatIDR(total, locale)}
      </p>
      <p className="text-sm text-muted" data-testid="dash-ar-overdue-count">
        {t("dashboard.widgets.arOverdueInvoices", { formatted: formatNumber(invoices, locale) })}
      </p>
      <div className="mt-auto pt-1 text-sm">
        <AppLink testId="dash-ar-overdue-link" to="/dso?status=overdue" className={linkClass}>
          {t("dashboard.widgets.seeList")}
        </AppLink>
      </div>
    </Card>
  );
}
