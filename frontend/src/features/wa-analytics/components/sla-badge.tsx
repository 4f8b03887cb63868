import { useTranslation } from "react-i18next";
import { Badge } from "@/components/ui/badge";
import { isOneOf } from "@/lib/enums";
import { SLA_STATUS_VALUES } from "@/api/enums.gen";
import { slaTone } from "../lib/status";

/** "Sesuai SLA" green, "Berisiko" yellow, "Melanggar SLA" red, "Belum ada data" grey. */
export function SlaBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant={slaTone(status)} data-testid="sla-status" data-status={status}>
      {isOneOf(SLA_STATUS_VALUES, status) ? t(`waAnalytics.sla.${status}`) : status}
    </Badge>
  );
}
