import { Link } from "@tanstack/react-router";
import { createColumnHelper } from "@tanstack/react-table";
import { Download, Plus } from "lucide-react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { INVOICE_STATUS_VALUES } from "@/api/enums.gen";
import { DataTable } from "@/components/data-table/data-table";
import { SearchFilter, SelectFilter } from "@/components/data-table/filters";
import { DateRangeFilter } from "@/components/form/date-range";
import { EnumOptions } from "@/components/form/enum-options";
import { useListPage } from "@/components/list-page/use-list-page";
import { EmptyState } from "@/components/states/states";
import { Button } from "@/components/ui/button";
import { useMe } from "@/features/auth/api";
import { currentLocale } from "@/i18n";
import { useErrorMessage } from "@/lib/error-message";
import { formatDate, formatIDR } from "@/lib/format";
import { writesAr } from "../access";
import { invoicesQueryOptions } from "../api";
import { ArPage } from "../components/ar-page";
import { CollectionTicketButton } from "../components/collection-ticket-button";
import { InvoiceStatusBadge } from "../components/status-badge";
import { exportInvoices } from "../exports";
import { INVOICE_STATUS_LABEL } from "../labels";
import { OverdueDays } from "../components/overdue-days";
import type { Invoice } from "../types";
import { INVOICES_TABLE, invoicesQuery } from "./table";

const col = createColumnHelper<Invoice>();

function useInvoiceColumns() {
  const { t } = useTranslation();
  const locale = currentLocale();
  return useMemo(() => {
    const money = (key: "amount" | "paid" | "outstanding", label: string) =>
      col.accessor(key, {
        header: label,
        meta: { label, align: "right", className: "whitespace-nowrap tabular-nums" },
        cell: (c) => formatIDR(c.getValue(), locale),
      });
    const day = (key: "invoice_date" | "due_date", label: string) =>
      col.accessor(key, {
        header: label,
        meta: { label, className: "whitespace-nowrap tabular-nums" },
        cell: (c) => formatDate(c.getValue()),
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
              params={{ invoiceId: c.row.original.id }}
              className="font-medium text-navy-900 underline-offset-2 hover:underline"
              data-testid="invoice-row"
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
      day("invoice_date", t("ar.fields.invoiceDate")),
      day("due_date", t("ar.fields.dueDate")),
      money("amount", t("ar.fields.amount")),
      money("paid", t("ar.fields.paid")),
      money("outstanding", t("ar.fields.outstanding")),
      col.accessor("days_overdue", {
        header: t("ar.fields.daysOverdue"),
        meta: { label: t("ar.fields.daysOverdue"), align: "right", className: "whitespace-nowrap" },
        enableSorting: false,
        cell: (c) =>
          c.row.original.status === "paid" || c.row.original.status === "void" ? (
            "—"
          ) : (
            <OverdueDays days={c.getValue()} />
          ),
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
              invoiceId={c.row.original.id}
              invoiceCode={c.row.original.invoice_code}
            />
          ) : null,
      }),
    ];
  }, [t, locale]);
}

/** Every invoice with its status today: search, status, invoice date range, export. */
export default function InvoicesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const errorMessage = useErrorMessage();
  const list = useListPage({
    table: INVOICES_TABLE,
    toQuery: invoicesQuery,
    queryOptions: invoicesQueryOptions,
    columns: useInvoiceColumns(),
    getRowId: (row) => row.id,
    exportList: ({ query }) => exportInvoices(query),
    onExportError: (e) => toast.error(errorMessage(e)),
  });
  const { state, setFilter } = list;

  return (
    <ArPage
      title={t("ar.invoices.title")}
      description={t("ar.invoices.subtitle")}
      actions={
        writesAr(me.role) ? (
          <Button asChild>
            <Link to="/dso/invoices/new" data-testid="new-invoice">
              <Plus aria-hidden /> {t("ar.invoices.new")}
            </Link>
          </Button>
        ) : null
      }
    >
      <DataTable
        {...list.dataTable}
        caption={t("ar.invoices.title")}
        filters={
          <>
            <SearchFilter
              value={state.filters.q}
              onChange={(value) => setFilter("q", value)}
              label={t("ar.invoices.search")}
              placeholder={t("ar.outstanding.searchPlaceholder")}
            />
            <SelectFilter
              value={state.filters.status}
              onChange={(value) => setFilter("status", value)}
              label={t("ar.fields.status")}
              allLabel={t("ar.invoices.allStatuses")}
              testId="filter-status"
            >
              <EnumOptions values={INVOICE_STATUS_VALUES} labels={INVOICE_STATUS_LABEL} />
            </SelectFilter>
            <DateRangeFilter
              from={state.filters.from}
              to={state.filters.to}
              onChange={({ from, to }) => list.setFilters({ from, to })}
            />
          </>
        }
        actions={
          <Button variant="outline" size="sm" onClick={list.exportRows} disabled={list.exporting}>
            <Download aria-hidden /> {t("ar.export")}
          </Button>
        }
        empty={
          <EmptyState title={t("ar.invoices.empty")} description={t("ar.invoices.emptyBody")} />
        }
      />
    </ArPage>
  );
}
