import { useTranslation } from "react-i18next";
import { EmptyState } from "@/components/states/states";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { useEnumLabel } from "@/lib/enums";
import { TICKET_BROADCAST_STATUS_LABEL } from "./labels";
import type { BroadcastEntry } from "./types";

export function BroadcastHistory({ rows }: { rows: BroadcastEntry[] }) {
  const { t } = useTranslation();
  const broadcastLabel = useEnumLabel(TICKET_BROADCAST_STATUS_LABEL);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("tickets.broadcast.title")}</CardTitle>
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          <EmptyState title={t("tickets.broadcast.empty")} className="py-6" />
        ) : (
          <div
            role="region"
            aria-label={t("tickets.broadcast.title")}
            tabIndex={0}
            className="overflow-x-auto"
          >
            <table className="w-full caption-bottom text-sm" data-testid="broadcast-history">
              <TableHeader>
                <TableRow>
                  <TableHead>{t("tickets.broadcast.at")}</TableHead>
                  <TableHead>{t("tickets.fields.awb")}</TableHead>
                  <TableHead>{t("tickets.broadcast.status")}</TableHead>
                  <TableHead>{t("tickets.broadcast.message")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((b) => (
                  <TableRow key={b.id}>
                    <TableCell className="whitespace-nowrap tabular-nums">
                      {formatDateTime(b.broadcast_at)}
                    </TableCell>
                    <TableCell className="tabular-nums">{b.tracking_number}</TableCell>
                    <TableCell>
                      <Badge
                        variant={
                          b.status === "success"
                            ? "success"
                            : b.status === "failed"
                              ? "danger"
                              : "muted"
                        }
                      >
                        {broadcastLabel(b.status)}
                      </Badge>
                    </TableCell>
                    <TableCell className="max-w-md">
                      <span className="line-clamp-2">{b.message_content ?? "—"}</span>
                      {b.error_message ? (
                        <Alert className="mt-1 py-1">{b.error_message}</Alert>
                      ) : null}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </table>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
