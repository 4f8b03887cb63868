import { Link } from "@tanstack/react-router";
import { createColumnHelper } from "@tanstack/react-table";
import { Download, HandCoins, Plus } from "lucide-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { DataTable } from "@/components/data-table/data-table";
import { SearchFilter, SelectFilter } from "@/components/data-table/filters";
import { DateRangeFilter } from "@/components/form/date-range";
import { useListPage } from "@/components/list-page/use-list-page";
import { EmptyState } from "@/components/states/states";
import { Button } from "@/components/ui/button";
import { useMe } from "@/features/auth/api";
import { currentLocale } from "@/i18n";
import { useEnumLabel } from "@/lib/enums";
import { useErrorMessage } from "@/lib/error-message";
import { formatDate, formatIDR } from "@/lib/format";
import { toCents } from "@/lib/money";
import { writesAr } from "../access";
import { paymentsQueryOptions } from "../api";
import { ArPage } from "../components/ar-page";
import { exportPayments } from "../exports";
import { PAYMENT_METHOD_LABEL } from "../labels";
import type { Payment } from "../types";
import { AllocateCreditDialog } from "./allocate-credit-dialog";
import { PAYMENTS_TABLE, paymentsQuery } from "./table";

const col = createColumnHelper<Payment>();

/** `onAllocate` (writers only; null hides the action) opens "Alokasikan sisa" for a row. */
function usePaymentColumns(onAllocate: ((p: Payment) => void) | null) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const methodLabel = useEnumLabel(PAYMENT_METHOD_LABEL);
  return useMemo(() => {
    const money = (key: "amount" | "allocated" | "unapplied", label: string) =>
      col.accessor(key, {
        header: label,
        meta: { label, align: "right", className: "whitespace-nowrap tabular-nums" },
        enableSorting: key === "amount",
        cell: (c) => formatIDR(c.getValue(), locale),
      });
    return [
      col.accessor("payment_code", {
        header: t("ar.fields.paymentCode"),
        meta: { label: t("ar.fields.paymentCode"), alwaysVisible: true },
        cell: (c) => (
          <span className="font-medium whitespace-nowrap" data-testid="payment-row">
            {c.getValue()}
          </span>
        ),
      }),
      col.accessor("payment_date", {
        header: t("ar.fields.paymentDate"),
        meta: { label: t("ar.fields.paymentDate"), className: "whitespace-nowrap tabular-nums" },
        cell: (c) => formatDate(c.getValue()),
      }),
      col.accessor("customer_name", {
        header: t("ar.fields.customer"),
        meta: { label: t("ar.fields.customer") },
        cell: (c) => <div className="min-w-40">{c.getValue()}</div>,
      }),
      money("amount", t("ar.fields.amount")),
      money("allocated", t("ar.fields.allocated")),
      col.accessor("unapplied", {
        header: t("ar.fields.unapplied"),
        meta: {
          label: t("ar.fields.unapplied"),
          align: "right",
          className: "whitespace-nowrap tabular-nums",
        },
        enableSorting: false,
        cell: (c) => (
          <span className={toCents(c.getValue()) > 0n ? "font-medium text-navy-700" : undefined}>
            {formatIDR(c.getValue(), locale)}
          </span>
        ),
      }),
      col.accessor("method", {
        header: t("ar.fields.method"),
        meta: { label: t("ar.fields.method") },
        enableSorting: false,
        cell: (c) => methodLabel(c.getValue()),
      }),
      col.accessor("reference", {
        header: t("ar.fields.reference"),
        meta: { label: t("ar.fields.reference") },
        enableSorting: false,
        cell: (c) => c.getValue() ?? "—",
      }),
      col.accessor("allocations", {
        header: t("ar.fields.allocations"),
        meta: { label: t("ar.fields.allocations") },
        enableSorting: false,
        cell: (c) => (
          <ul className="flex flex-col gap-0.5 text-xs">
            {c.getValue().map((a) => (
              <li key={a.invoice_id} className="whitespace-nowrap">
                <Link
                  to="/dso/invoices/$invoiceId"
                  params={{ invoiceId: a.invoice_id }}
                  className="font-medium text-navy-900 underline-offset-2 hover:underline"
                >
                  {a.invoice_code}
                </Link>{" "}
                <span className="text-muted tabular">{formatIDR(a.amount, locale)}</span>
              </li>
            ))}
          </ul>
        ),
      }),
      ...(onAllocate
        ? [
            col.display({
              id: "actions",
              header: () => <span className="sr-only">{t("common.actions")}</span>,
              meta: { label: t("common.actions"), alwaysVisible: true, align: "right" },
              cell: ({ row }) =>
                toCents(row.original.unapplied) > 0n ? (
                  <Button
                    variant="outline"
                    size="sm"
                    className="whitespace-nowrap"
                    data-testid="allocate-credit"
                    aria-label={t("ar.credit.actionFor", { code: row.original.payment_code })}
                    onClick={() => onAllocate(row.original)}
                  >
                    <HandCoins aria-hidden /> {t("ar.credit.action")}
                  </Button>
                ) : null,
            }),
          ]
        : []),
    ];
  }, [t, locale, methodLabel, onAllocate]);
}

/** Every payment and what it paid; `unapplied` is the customer's credit from it. */
export default function PaymentsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const errorMessage = useErrorMessage();
  const writer = writesAr(me.role);
  const [allocating, setAllocating] = useState<Payment | null>(null);
  const columns = usePaymentColumns(writer ? setAllocating : null);
  const list = useListPage({
    table: PAYMENTS_TABLE,
    toQuery: paymentsQuery,
    queryOptions: paymentsQueryOptions,
    columns,
    getRowId: (row) => row.id,
    exportList: ({ query }) => exportPayments(query),
    onExportError: (e) => toast.error(errorMessage(e)),
  });
  const { state, setFilter } = list;

  return (
    <ArPage
      title={t("ar.payments.title")}
      description={t("ar.payments.subtitle")}
      actions={
        writer ? (
          <Button asChild>
            <Link to="/dso/payments/new" data-testid="new-payment">
              <Plus aria-hidden /> {t("ar.payments.new")}
            </Link>
          </Button>
        ) : null
      }
    >
      <DataTable
        {...list.dataTable}
        caption={t("ar.payments.title")}
        filters={
          <>
            <SearchFilter
              value={state.filters.q}
              onChange={(value) => setFilter("q", value)}
              label={t("ar.payments.search")}
              placeholder={t("ar.payments.searchPlaceholder")}
            />
            <SelectFilter
              value={state.filters.unapplied}
              onChange={(value) => setFilter("unapplied", value)}
              label={t("ar.payments.withCredit")}
              allLabel={t("ar.payments.anyCredit")}
            >
              <option value="true">{t("ar.payments.onlyUnapplied")}</option>
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
          <EmptyState title={t("ar.payments.empty")} description={t("ar.payments.emptyBody")} />
        }
      />
      {allocating ? (
        <AllocateCreditDialog payment={allocating} onClose={() => setAllocating(null)} />
      ) : null}
    </ArPage>
  );
}
