import type { ImportStatus } from "@/api/enums.gen";
import { Badge } from "@/components/ui/badge";
import { Spinner } from "@/components/ui/spinner";
import { isKeyOf, useEnumLabel } from "@/lib/enums";
import { IMPORT_STATUS_LABEL } from "../labels";

const VARIANT = {
  staged: "default",
  queued: "warning",
  processing: "warning",
  done: "success",
  failed: "danger",
  reverted: "muted",
} as const satisfies Record<ImportStatus, string>;

/** Where an import stands; a spinner while the worker holds it. */
export function ImportStatusBadge({ status }: { status: string }) {
  const label = useEnumLabel(IMPORT_STATUS_LABEL);
  if (!isKeyOf(VARIANT, status)) return <Badge variant="muted">{status}</Badge>;
  return (
    <Badge variant={VARIANT[status]} data-testid="import-status" data-status={status}>
      {status === "queued" || status === "processing" ? <Spinner className="size-3" /> : null}
      {label(status)}
    </Badge>
  );
}
