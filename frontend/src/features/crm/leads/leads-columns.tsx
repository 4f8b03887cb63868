import { Link } from "@tanstack/react-router";
import { createColumnHelper } from "@tanstack/react-table";
import { FileText, RotateCcw, Trash2 } from "lucide-react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useErrorMessage } from "@/lib/error-message";
import { formatDateTime } from "@/lib/format";
import { useRestoreLead } from "../api";
import { StageBadge } from "../stage-badge";
import type { Lead } from "../types";
import { LEAD_STATUS_LABEL } from "../labels";
import { useEnumLabel } from "@/lib/enums";

const col = createColumnHelper<Lead>();

/** The columns of the list. */
export function useLeadColumns({
  manager,
  onDelete,
}: {
  manager: boolean;
  onDelete: (lead: Lead) => void;
}) {
  const { t } = useTranslation();
  const statusLabel = useEnumLabel(LEAD_STATUS_LABEL);
  const restore = useRestoreLead();
  const errorMessage = useErrorMessage();
  return useMemo(
    () => [
      col.accessor("lead_code", {
        header: t("crm.leads.code"),
        meta: { label: t("crm.leads.code"), className: "whitespace-nowrap" },
        cell: (c) => (
          <Link
            to="/crm/leads/$leadId"
            params={{ leadId: c.row.original.id }}
            className="font-medium text-navy-900 tabular-nums underline-offset-2 hover:underline"
          >
            {c.getValue()}
          </Link>
        ),
      }),
      col.accessor("created_at", {
        header: t("crm.leads.createdAt"),
        meta: { label: t("crm.leads.createdAt"), className: "whitespace-nowrap tabular-nums" },
        sortDescFirst: true,
        cell: (c) => formatDateTime(c.getValue()),
      }),
      col.accessor("company_name", {
        header: t("crm.leads.company"),
        meta: { label: t("crm.leads.company") },
        cell: (c) => (
          <div className="min-w-40">
            <div className="text-navy-900">
              {c.getValue() ?? c.row.original.customer_name ?? "—"}
            </div>
            {c.row.original.customer_code ? (
              <div className="text-xs text-muted tabular-nums">{c.row.original.customer_code}</div>
            ) : null}
          </div>
        ),
      }),
      col.accessor("contact_name", {
        header: t("crm.leads.contact"),
        meta: { label: t("crm.leads.contact") },
        cell: (c) => (
          <div>
            <div>{c.getValue()}</div>
            <div className="text-xs text-muted">
              {c.row.original.phone ?? c.row.original.email ?? ""}
            </div>
          </div>
        ),
      }),
      col.accessor("channel", {
        header: t("crm.leads.channel"),
        meta: { label: t("crm.leads.channel") },
        cell: (c) => c.row.original.channel_name ?? c.getValue(),
      }),
      col.accessor("status", {
        header: t("crm.leads.status"),
        meta: { label: t("crm.leads.status") },
        cell: (c) => <Badge variant="muted">{statusLabel(c.getValue())}</Badge>,
      }),
      col.accessor("stage", {
        header: t("crm.leads.stage"),
        meta: { label: t("crm.leads.stage") },
        enableSorting: false,
        cell: (c) => <StageBadge stage={c.getValue()} />,
      }),
      col.accessor("sales_owner_name", {
        header: t("crm.leads.salesOwner"),
        meta: { label: t("crm.leads.salesOwner") },
        enableSorting: false,
        cell: (c) => c.getValue() ?? <Badge variant="warning">{t("crm.leads.unassigned")}</Badge>,
      }),
      col.accessor("ticket_code", {
        header: t("crm.leads.rfq"),
        meta: { label: t("crm.leads.rfq"), className: "whitespace-nowrap" },
        enableSorting: false,
        cell: (c) =>
          c.getValue() ? (
            <span className="inline-flex items-center gap-1 text-xs tabular-nums">
              <FileText aria-hidden className="size-3.5" />
              {c.getValue()}
            </span>
          ) : null,
      }),
      col.display({
        id: "actions",
        header: () => <span className="sr-only">{t("common.actions")}</span>,
        meta: { label: t("common.actions"), alwaysVisible: true, align: "right" },
        cell: ({ row }) => {
          const lead = row.original;
          if (lead.deleted_at) {
            return manager ? (
              <Button
                variant="outline"
                size="sm"
                onClick={() =>
                  restore.mutate(lead.id, {
                    onSuccess: () =>
                      toast.success(t("crm.leads.restored", { code: lead.lead_code })),
                    onError: (e) => toast.error(errorMessage(e)),
                  })
                }
              >
                <RotateCcw aria-hidden /> {t("crm.leads.restore")}
              </Button>
            ) : null;
          }
          return (
            <Button
              variant="ghost"
              size="icon-sm"
              aria-label={t("crm.leads.deleteOne", { code: lead.lead_code })}
              onClick={() => onDelete(lead)}
            >
              <Trash2 aria-hidden />
            </Button>
          );
        },
      }),
    ],
    [t, manager, restore, errorMessage, statusLabel, onDelete],
  );
}
