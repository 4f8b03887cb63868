import { Link } from "@tanstack/react-router";
import { createColumnHelper } from "@tanstack/react-table";
import { ShieldCheck } from "lucide-react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "@/components/data-table/data-table";
import { SearchFilter } from "@/components/data-table/filters";
import { useListPage } from "@/components/list-page/use-list-page";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/states/states";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { formatDateTime, formatNumber } from "@/lib/format";
import { currentLocale } from "@/i18n";
import type { TableConfig } from "@/lib/table-state";
import { StatusBadge } from "../badges";
import { rfqDetails, rfqsQueryOptions, type MaskedRfq } from "./api";

const TABLE: TableConfig<"q" | "status"> = {
  filters: ["q", "status"],
  sortable: ["created_at", "ticket_code", "status", "priority"],
  defaultSort: [{ id: "created_at", desc: true }],
};
const col = createColumnHelper<MaskedRfq>();

export default function RfqsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const columns = useMemo(
    () => [
      col.accessor("ticket_code", {
        header: t("crm.rfq.code"),
        meta: { label: t("crm.rfq.code"), className: "whitespace-nowrap" },
        cell: (c) => (
          <Link
            to="/ticketing/rfqs/$rfqId"
            params={{ rfqId: c.row.original.id }}
            className="font-medium text-navy-900 tabular-nums underline-offset-2 hover:underline"
          >
            {c.getValue()}
          </Link>
        ),
      }),
      col.accessor("subject", {
        header: t("crm.rfq.subject"),
        meta: { label: t("crm.rfq.subject") },
        enableSorting: false,
      }),
      col.display({
        id: "route",
        header: t("crm.rfq.route"),
        meta: { label: t("crm.rfq.route") },
        cell: (c) => {
          const d = rfqDetails(c.row.original.rfq);
          return (
            <span className="whitespace-nowrap">
              {d.origin ?? "—"} → {d.destination ?? "—"}
            </span>
          );
        },
      }),
      col.display({
        id: "commodity",
        header: t("crm.rfq.commodity"),
        meta: { label: t("crm.rfq.commodity") },
        cell: (c) => rfqDetails(c.row.original.rfq).commodity ?? "—",
      }),
      col.display({
        id: "weight",
        header: t("crm.rfq.fields.weight_kg"),
        meta: { label: t("crm.rfq.fields.weight_kg"), align: "right", className: "tabular-nums" },
        cell: (c) => {
          const w = rfqDetails(c.row.original.rfq).weight_kg;
          return w ? formatNumber(Number(w), locale) : "—";
        },
      }),
      col.accessor("company_name", {
        header: t("crm.rfq.customer"),
        meta: { label: t("crm.rfq.customer") },
        enableSorting: false,
        cell: (c) => <Badge variant="muted">{c.getValue() ?? "—"}</Badge>,
      }),
      col.accessor("status", {
        header: t("crm.rfq.status"),
        meta: { label: t("crm.rfq.status") },
        cell: (c) => <StatusBadge status={c.getValue()} />,
      }),
      col.accessor("created_at", {
        header: t("crm.rfq.created"),
        meta: { label: t("crm.rfq.created"), className: "whitespace-nowrap tabular-nums" },
        sortDescFirst: true,
        cell: (c) => formatDateTime(c.getValue()),
      }),
    ],
    [t, locale],
  );
  const list = useListPage({
    table: TABLE,
    queryOptions: rfqsQueryOptions,
    columns,
    getRowId: (r) => r.id,
  });
  const { state } = list;
  return (
    <>
      <PageHeader title={t("ticketing.rfqsTitle")} description={t("ticketing.rfqsBody")} />
      <Alert variant="info" className="mb-4">
        <span className="inline-flex items-center gap-1">
          <ShieldCheck aria-hidden className="size-4" /> {t("crm.rfq.maskedNote")}
        </span>
      </Alert>
      <DataTable
        {...list.dataTable}
        caption={t("ticketing.rfqsTitle")}
        filters={
          <SearchFilter
            value={state.filters.q}
            onChange={(value) => list.setFilter("q", value)}
            label={t("crm.rfq.search")}
            placeholder={t("crm.rfq.searchPlaceholder")}
          />
        }
        empty={<EmptyState title={t("crm.rfq.empty")} />}
      />
    </>
  );
}
