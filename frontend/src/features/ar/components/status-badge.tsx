import type { InvoiceStatus } from "@/api/enums.gen";
import { Badge } from "@/components/ui/badge";
import { isKeyOf, useEnumLabel } from "@/lib/enums";
import { INVOICE_STATUS_LABEL } from "../labels";

const VARIANT = {
  unpaid: "default",
  partially_paid: "warning",
  paid: "success",
  overdue: "danger",
  void: "muted",
} as const satisfies Record<InvoiceStatus, string>;

/** An invoice's derived status (DSO-2). */
export function InvoiceStatusBadge({ status }: { status: string }) {
  const label = useEnumLabel(INVOICE_STATUS_LABEL);
  if (!isKeyOf(VARIANT, status)) return <Badge variant="muted">{status}</Badge>;
  return (
    <Badge variant={VARIANT[status]} data-testid="invoice-status" data-status={status}>
      {label(status)}
    </Badge>
  );
}
