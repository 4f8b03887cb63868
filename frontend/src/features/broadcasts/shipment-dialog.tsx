import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "@/api/errors";
import { EmptyState, ErrorState } from "@/components/states/states";
import { Badge } from "@/components/ui/badge";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { currentLocale } from "@/i18n";
import { formatDateTime, formatNumber } from "@/lib/format";
import { shipmentQueryOptions } from "./api";
import { useEnumLabel } from "@/lib/enums";
import { BROADCAST_STATUS_LABEL, statusVariant } from "./table";

/** The latest broadcast state of one AWB (GET /shipments/{tracking_number}). */
export function ShipmentDialog({ awb, onClose }: { awb: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={awb !== undefined} onOpenChange={(open) => !open && onClose()}>
      <DialogContent data-testid="shipment-dialog">
        <DialogHeader>
          <DialogTitle>{t("broadcasts.shipment.title", { awb: awb ?? "" })}</DialogTitle>
          <DialogDescription>{t("broadcasts.shipment.description")}</DialogDescription>
        </DialogHeader>
        {awb ? <ShipmentBody awb={awb} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function ShipmentBody({ awb }: { awb: string }) {
  const { t } = useTranslation();
  const statusLabel = useEnumLabel(BROADCAST_STATUS_LABEL);
  const locale = currentLocale();
  const shipment = useQuery(shipmentQueryOptions(awb));
  if (shipment.isPending) return <Skeleton className="h-40 w-full" />;
  if (shipment.isError) {
    if (isApiError(shipment.error) && shipment.error.status === 404)
      return <EmptyState className="py-6" title={t("broadcasts.shipment.notFound")} />;
    return (
      <ErrorState error={shipment.error} onRetry={() => void shipment.refetch()} className="py-6" />
    );
  }
  const s = shipment.data;
  const rows: [string, ReactNode][] = [
    [t("broadcasts.columns.phone"), s.consignee_phone ?? "—"],
    [
      t("broadcasts.shipment.lastStatus"),
      <Badge key="status" variant={statusVariant(s.last_status)}>
        {statusLabel(s.last_status)}
      </Badge>,
    ],
    [t("broadcasts.shipment.lastBroadcastAt"), formatDateTime(s.last_broadcast_at)],
    [t("broadcasts.shipment.lastMessage"), s.last_message ?? "—"],
    [t("broadcasts.shipment.lastError"), s.last_error ?? "—"],
    [t("broadcasts.shipment.broadcastCount"), formatNumber(s.broadcast_count, locale)],
    [t("broadcasts.shipment.failedCount"), formatNumber(s.failed_count, locale)],
  ];
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-muted">{label}</dt>
          <dd className="break-words text-foreground">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
