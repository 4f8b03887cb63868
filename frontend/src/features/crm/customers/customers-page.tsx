import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { createColumnHelper } from "@tanstack/react-table";
import { Download } from "lucide-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { DataTable } from "@/components/data-table/data-table";
import { SearchFilter, SelectFilter } from "@/components/data-table/filters";
import { useTableUrlState } from "@/components/data-table/use-table-url-state";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/states/states";
import { Button } from "@/components/ui/button";
import { useRawSearch } from "@/lib/url-search";
import { useErrorMessage } from "@/lib/error-message";
import { formatDate } from "@/lib/format";
import { toApiQuery, withFilter } from "@/lib/table-state";
import { customersQueryOptions, downloadBlob, exportParams } from "../api";
import { CrmNav } from "../crm-nav";
import type { Customer } from "../types";
import { CUSTOMERS_TABLE } from "./table";

const col = createColumnHelper<Customer>();

export default function CustomersPage() {
  const { t } = useTranslation();
  const [raw, go] = useRawSearch();
  const [state, setState] = useTableUrlState(raw, CUSTOMERS_TABLE, go);
  const query = toApiQuery(state);
  const customers = useQuery(customersQueryOptions(query));
  const errorMessage = useErrorMessage();
  const [exporting, setExporting] = useState(false);

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

  const exportXlsx = async () => {
    setExporting(true);
    try {
      const params = new URLSearchParams(exportParams(query));
      await downloadBlob(`/api/v1/exports/customers?${params.toString()}`, "customers.xlsx");
    } catch (e) {
      toast.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader title={t("crm.customers.title")} description={t("crm.customers.subtitle")} />
      <CrmNav />
      <DataTable
        columns={columns}
        rows={customers.data?.data}
        total={customers.data?.total ?? 0}
        totalCapped={customers.data?.total_capped}
        state={state}
        onStateChange={setState}
        getRowId={(c) => c.id}
        sortable={CUSTOMERS_TABLE.sortable}
        caption={t("crm.customers.title")}
        isLoading={customers.isLoading}
        isFetching={customers.isFetching}
        error={customers.error}
        onRetry={() => void customers.refetch()}
        onClearFilters={() => setState({ ...state, page: 1, filters: {} })}
        filters={
          <>
            <SearchFilter
              value={state.filters.q}
              onChange={(value) => setState(withFilter(state, "q", value))}
              label={t("crm.customers.search")}
              placeholder={t("crm.customers.searchPlaceholder")}
            />
            <SelectFilter
              value={state.filters.owner}
              onChange={(value) => setState(withFilter(state, "owner", value))}
              label={t("crm.leads.salesOwner")}
              allLabel={t("crm.leads.anyOwner")}
            >
              <option value="me">{t("crm.leads.mine")}</option>
            </SelectFilter>
            <SearchFilter
              value={state.filters.city}
              onChange={(value) => setState(withFilter(state, "city", value))}
              label={t("crm.customers.city")}
              placeholder={t("crm.customers.city")}
            />
          </>
        }
        actions={
          <Button
            variant="outline"
            size="sm"
            onClick={() => void exportXlsx()}
            disabled={exporting}
          >
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
