import { Bot, FileSpreadsheet, PenLine, type LucideIcon } from "lucide-react";
import type { Provenance } from "@/api/enums.gen";
import { useTranslation } from "react-i18next";
import { Badge } from "@/components/ui/badge";
import { isKeyOf, useEnumLabel } from "@/lib/enums";
import { KPI_STATUS_LABEL, PROVENANCE_LABEL } from "../labels";
import { statusTone } from "../lib/status";

/** A row's status: on track / at risk / behind / NA / no target, coloured. */
export function KpiStatusBadge({ status }: { status: string }) {
  const label = useEnumLabel(KPI_STATUS_LABEL);
  return (
    <Badge variant={statusTone(status)} data-testid="kpi-status" data-status={status}>
      {label(status)}
    </Badge>
  );
}

const PROVENANCE_ICON = {
  auto: Bot,
  manual: PenLine,
  imported: FileSpreadsheet,
} as const satisfies Record<Provenance, LucideIcon>;

/** Where an actual comes from: computed (auto), typed (manual) or imported. */
export function ProvenanceBadge({ provenance }: { provenance: string }) {
  const { t } = useTranslation();
  const label = useEnumLabel(PROVENANCE_LABEL);
  const Icon = isKeyOf(PROVENANCE_ICON, provenance) ? PROVENANCE_ICON[provenance] : null;
  return (
    <Badge
      variant="muted"
      data-testid="kpi-provenance"
      data-provenance={provenance}
      title={t("kpi.provenance.hint", { source: label(provenance) })}
    >
      {Icon ? <Icon aria-hidden className="size-3" /> : null}
      {label(provenance)}
    </Badge>
  );
}
