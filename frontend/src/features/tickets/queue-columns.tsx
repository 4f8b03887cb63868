import { Link } from "@tanstack/react-router";
import { createColumnHelper } from "@tanstack/react-table";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/format";
import { PriorityBadge, StatusBadge } from "./badges";
import { useTypeLabel } from "./type-label";
import type { Ticket } from "./types";

const col = createColumnHelper<Ticket>();

/** The columns of the list. */
export function useQueueColumns() {
  const { t } = useTranslation();
  const typeLabel = useTypeLabel();
  return useMemo(
    () => [
      col.accessor("ticket_code", {
        header: t("tickets.fields.code"),
        meta: { label: t("tickets.fields.code"), className: "whitespace-nowrap tabular-nums" },
        cell: (c) => c.getValue(),
      }),
      col.accessor("subject", {
        header: t("tickets.fields.subject"),
        meta: { label: t("tickets.fields.subject"), alwaysVisible: true },
        enableSorting: false,
        cell: (c) => (
          <div className="min-w-48">
            <Link
              to="/ticketing/tickets/$ticketId"
              params={{ ticketId: c.row.original.id }}
              className="font-medium text-navy-900 underline-offset-2 hover:underline"
              data-testid="ticket-row"
              data-ticket-code={c.row.original.ticket_code}
            >
              {c.getValue()}
            </Link>
            <div className="text-xs text-muted">
              {[
                c.row.original.company_name ?? c.row.original.contact_name,
                c.row.original.tracking_number,
              ]
                .filter(Boolean)
                .join(" · ")}
            </div>
          </div>
        ),
      }),
      col.accessor("ticket_type", {
        header: t("tickets.fields.type"),
        meta: { label: t("tickets.fields.type") },
        enableSorting: false,
        cell: (c) => typeLabel(c.getValue()),
      }),
      col.accessor("priority", {
        header: t("tickets.fields.priority"),
        meta: { label: t("tickets.fields.priority") },
        cell: (c) => <PriorityBadge priority={c.getValue()} />,
      }),
      col.accessor("status", {
        header: t("tickets.fields.status"),
        meta: { label: t("tickets.fields.status") },
        cell: (c) => <StatusBadge status={c.getValue()} />,
      }),
      col.accessor("dept_target", {
        header: t("tickets.fields.dept"),
        meta: { label: t("tickets.fields.dept") },
        enableSorting: false,
      }),
      col.accessor("assigned_to_name", {
        header: t("tickets.fields.assignee"),
        meta: { label: t("tickets.fields.assignee") },
        enableSorting: false,
        cell: (c) => c.getValue() ?? <Badge variant="warning">{t("tickets.unassigned")}</Badge>,
      }),
      col.accessor("created_at", {
        header: t("tickets.fields.createdAt"),
        meta: { label: t("tickets.fields.createdAt"), className: "whitespace-nowrap tabular-nums" },
        sortDescFirst: true,
        cell: (c) => formatDateTime(c.getValue()),
      }),
      col.accessor("updated_at", {
        header: t("tickets.fields.updatedAt"),
        meta: { label: t("tickets.fields.updatedAt"), className: "whitespace-nowrap tabular-nums" },
        sortDescFirst: true,
        cell: (c) => formatDateTime(c.getValue()),
      }),
    ],
    [t, typeLabel],
  );
}
