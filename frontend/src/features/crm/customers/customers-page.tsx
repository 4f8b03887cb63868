import { Link } from "@tanstack/react-router";
import { createColumnHelper } from "@tanstack/react-table";
import { Download } from "lucide-react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { DataTable } from "@/components/data-table/data-table";
import { SearchFilter, SelectFilter } from "@/components/data-table/filters";
import { useListPage } from "@/components/list-page/use-list-page";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/states/states";
import { Button } from "@/components/ui/button";
import { useErrorMessage } from "@/lib/error-message";
import { formatDate } from "@/lib/format";
import { customersQueryOptions, downloadBlob, exportParams } from "../api";
import { CrmNav } from "../crm-nav";
import type { Customer } from "../types";
import { CUSTOMERS_TABLE } from "./table";

const col = createColumnHelper<Customer>();

export default function CustomersPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();

  const columns = useMemo(
    () => [
      col.accessor("company_name", {
        header: t("crm.customers.company"),
        meta: { label: t("crm.customers.company") },
        cell: (c) => (
          <Link
            to="/crm/customers/$customerId"
            params={{ customerId: c.row.original.id }}
            className="font-medium text-navy-900 underline-offset-2 hover:underline"
          >
            {c.getValue()}
          </Link>
        ),
      }),
      col.accessor("customer_code", {
        header: t("crm.customers.code"),
        meta: { label: t("crm.customers.code"), className: "whitespace-nowrap tabular-nums" },
      }),
      col.accessor("contact_name", {
        header: t("crm.leads.contact"),
        meta: { label: t("crm.leads.contact") },
        enableSorting: false,
        cell: (c) => (
          <div>
            <div>{c.getValue() ?? "—"}</div>
            <div className="text-xs text-muted">
              {c.row.original.phone ?? c.row.original.email ?? ""}
            </div>
          </div>
        ),
      }),
      col.accessor("npwp", {
        header: t("crm.form.npwp"),
        meta: { label: t("crm.form.npwp"), className: "tabular-nums" },
        enableSorting: false,
        cell: (c) => c.getValue() ?? "—",
      }),
      col.accessor("city", {
        header: t("crm.customers.city"),
        meta: { label: t("crm.customers.city") },
        cell: (c) => c.getValue() ?? "—",
      }),
      col.accessor("owner_name", {
        header: t("crm.leads.salesOwner"),
        meta: { label: t("crm.leads.salesOwner") },
        enableSorting: false,
        cell: (c) => c.getValue() ?? "—",
      }),
      col.accessor("lead_count", {
        header: t("crm.customers.leads"),
        meta: { label: t("crm.customers.leads"), align: "right", className: "tabular-nums" },
        enableSorting: false,
      }),
      col.accessor("open_prospects", {
        header: t("crm.customers.openProspects"),
        meta: {
          label: t("crm.customers.openProspects"),
          align: "right",
          className: "tabular-nums",
        },
        enableSorting: false,
      }),
      col.accessor("created_at", {
        header: t("crm.leads.createdAt"),
        meta: { label: t("crm.leads.createdAt"), className: "whitespace-nowrap" },
        sortDescFirst: true,
        cell: (c) => formatDate(c.getValue()),
      }),
    ],
    [t],
  );

  const list = useListPage({
    table: CUSTOMERS_TABLE,
    queryOptions: customersQueryOptions,
    columns,
    getRowId: (c) => c.id,
    exportList: ({ api }) =>
      downloadBlob(
        `/api/v1/exports/customers?${new URLSearchParams(exportParams(api)).toString()}`,
        "customers.xlsx",
      ),
    onExportError: (e) => toast.error(errorMessage(e)),
  });
  const { state } = list;

  return (
    <>
      <PageHeader title={t("crm.customers.title")} description={t("crm.customers.subtitle")} />
      <CrmNav />
      <DataTable
        {...list.dataTable}
        caption={t("crm.customers.title")}
        filters={
          <>
            <SearchFilter
              value={state.filters.q}
              onChange={(value) => list.setFilter("q", value)}
              label={t("crm.customers.search")}
              placeholder={t("crm.customers.searchPlaceholder")}
            />
            <SelectFilter
              value={state.filters.owner}
              onChange={(value) => list.setFilter("owner", value)}
              label={t("crm.leads.salesOwner")}
              allLabel={t("crm.leads.anyOwner")}
            >
              <option value="me">{t("crm.leads.mine")}</option>
            </SelectFilter>
            <SearchFilter
              value={state.filters.city}
              onChange={(value) => list.setFilter("city", value)}
              label={t("crm.customers.city")}
              placeholder={t("crm.customers.city")}
            />
          </>
        }
        actions={
          <Button variant="outline" size="sm" onClick={list.exportRows} disabled={list.exporting}>
            <Download aria-hidden /> {t("crm.leads.export")}
          </Button>
        }
        empty={
          <EmptyState title={t("crm.customers.empty")} description={t("crm.customers.emptyBody")} />
        }
      />
    </>
  );
}
