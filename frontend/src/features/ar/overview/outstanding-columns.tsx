import { Link } from "@tanstack/react-router";
import { createColumnHelper } from "@tanstack/react-table";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { currentLocale } from "@/i18n";
import { formatDate, formatIDR } from "@/lib/format";
import { CollectionTicketButton } from "../components/collection-ticket-button";
import { OverdueDays } from "../components/overdue-days";
import { InvoiceStatusBadge } from "../components/status-badge";
import type { OutstandingInvoice } from "../types";

const col = createColumnHelper<OutstandingInvoice>();

/** The open invoices table (ids are GET ar/outstanding's sort fields). */
export function useOutstandingColumns() {
  const { t } = useTranslation();
  const locale = currentLocale();
  return useMemo(() => {
    const money = (key: "amount" | "paid" | "outstanding" | "paid_after", label: string) =>
      col.accessor(key, {
        header: label,
        meta: { label, align: "right", className: "whitespace-nowrap tabular-nums" },
        cell: (c) => formatIDR(c.getValue(), locale),
      });
    return [
      col.accessor("invoice_code", {
        header: t("ar.fields.invoice"),
        meta: {
          label: t("ar.fields.invoice"),
          alwaysVisible: true,
          className: "whitespace-nowrap",
        },
        cell: (c) => (
          <div>
            <Link
              to="/dso/invoices/$invoiceId"
              params={{ invoiceId: c.row.original.invoice_id }}
              className="font-medium text-navy-900 underline-offset-2 hover:underline"
              data-testid="outstanding-row"
              data-invoice-code={c.row.original.invoice_code}
            >
              {c.getValue()}
            </Link>
            {c.row.original.invoice_number ? (
              <div className="text-xs text-muted">{c.row.original.invoice_number}</div>
            ) : null}
          </div>
        ),
      }),
      col.accessor("customer_name", {
        header: t("ar.fields.customer"),
        meta: { label: t("ar.fields.customer") },
        cell: (c) => <div className="min-w-40">{c.getValue()}</div>,
      }),
      col.accessor("invoice_date", {
        header: t("ar.fields.invoiceDate"),
        meta: { label: t("ar.fields.invoiceDate"), className: "whitespace-nowrap tabular-nums" },
        cell: (c) => formatDate(c.getValue()),
      }),
      col.accessor("due_date", {
        header: t("ar.fields.dueDate"),
        meta: { label: t("ar.fields.dueDate"), className: "whitespace-nowrap tabular-nums" },
        cell: (c) => formatDate(c.getValue()),
      }),
      money("amount", t("ar.fields.amount")),
      money("paid", t("ar.fields.paid")),
      money("outstanding", t("ar.fields.outstanding")),
      money("paid_after", t("ar.fields.paidAfter")),
      col.accessor("days_overdue", {
        header: t("ar.fields.daysOverdue"),
        meta: { label: t("ar.fields.daysOverdue"), align: "right", className: "whitespace-nowrap" },
        sortDescFirst: true,
        cell: (c) => <OverdueDays days={c.getValue()} />,
      }),
      col.accessor("status", {
        header: t("ar.fields.status"),
        meta: { label: t("ar.fields.status") },
        enableSorting: false,
        cell: (c) => <InvoiceStatusBadge status={c.getValue()} />,
      }),
      col.display({
        id: "actions",
        header: () => <span className="sr-only">{t("ar.fields.actions")}</span>,
        meta: { label: t("ar.fields.actions"), alwaysVisible: true },
        cell: (c) =>
          c.row.original.status === "overdue" ? (
            <CollectionTicketButton
              invoiceId={c.row.original.invoice_id}
              invoiceCode={c.row.original.invoice_code}
            />
          ) : null,
      }),
    ];
  }, [t, locale]);
}
