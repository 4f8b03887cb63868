import type { ConversationStatus } from "@/api/enums.gen";
import { Badge } from "@/components/ui/badge";
import { isKeyOf, useEnumLabel } from "@/lib/enums";
import { CONVERSATION_STATUS_LABEL } from "../labels";

const VARIANT = {
  open: "default",
  pending: "warning",
  resolved: "success",
} as const satisfies Record<ConversationStatus, string>;

/** Where a conversation stands (a status this UI does not know yet shows as sent). */
export function ConversationStatusBadge({ status }: { status: string }) {
  const label = useEnumLabel(CONVERSATION_STATUS_LABEL);
  if (!isKeyOf(VARIANT, status)) return <Badge variant="muted">{status}</Badge>;
  return (
    <Badge variant={VARIANT[status]} data-testid="conversation-status" data-status={status}>
      {label(status)}
    </Badge>
  );
}
