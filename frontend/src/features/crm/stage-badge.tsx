import { Badge } from "@/components/ui/badge";
import type { Stage } from "@/api/enums.gen";
import { isKeyOf } from "@/lib/enums";
import { useStageLabel } from "./labels";

const VARIANT = {
  new: "muted",
  contacted: "default",
  qualification: "default",
  proposal: "warning",
  negotiation: "warning",
  won: "success",
  lost: "danger",
} as const satisfies Record<Stage, "default" | "success" | "danger" | "warning" | "muted">;

/** A pipeline stage as a coloured badge. */
export function StageBadge({ stage }: { stage: string | null | undefined }) {
  const stageLabel = useStageLabel();
  if (!stage) return <span className="text-muted">—</span>;
  return (
    <Badge variant={isKeyOf(VARIANT, stage) ? VARIANT[stage] : "muted"}>{stageLabel(stage)}</Badge>
  );
}
