import { useTranslation } from "react-i18next";
import { Badge } from "@/components/ui/badge";

const VARIANT: Record<string, "default" | "success" | "danger" | "warning" | "muted"> = {
  new: "muted",
  contacted: "default",
  qualification: "default",
  proposal: "warning",
  negotiation: "warning",
  won: "success",
  lost: "danger",
};

/** A pipeline stage as a coloured badge. */
export function StageBadge({ stage }: { stage: string | null | undefined }) {
  const { t } = useTranslation();
  if (!stage) return <span className="text-muted">—</span>;
  return <Badge variant={VARIANT[stage] ?? "muted"}>{t(`crm.stages.${stage}`, stage)}</Badge>;
}
