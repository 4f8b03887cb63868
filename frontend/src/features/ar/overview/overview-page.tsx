import { Link } from "@tanstack/react-router";
import { Download, Plus, Wallet } from "lucide-react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { DataTable } from "@/components/data-table/data-table";
import { SearchFilter, SelectFilter } from "@/components/data-table/filters";
import { EnumOptions } from "@/components/form/enum-options";
import { useListPage } from "@/components/list-page/use-list-page";
import { EmptyState } from "@/components/states/states";
import { Button } from "@/components/ui/button";
import { useMe } from "@/features/auth/api";
import { currentLocale } from "@/i18n";
import { useErrorMessage } from "@/lib/error-message";
import { formatIDR, todayInJakarta } from "@/lib/format";
import { writesAr } from "../access";
import { outstandingQueryOptions } from "../api";
import { ArPage, FilterBar } from "../components/ar-page";
import { AsOfPicker } from "../components/as-of-picker";
import { exportInvoices } from "../exports";
import { INVOICE_STATUS_LABEL } from "../labels";
import { parseAsOf } from "../lib/as-of";
import { AgingCard } from "./aging-card";
import { DsoCard } from "./dso-card";
import { useOutstandingColumns } from "./outstanding-columns";
import { OPEN_STATUSES, OVERVIEW_TABLE, outstandingQuery, parseMethod } from "./table";
import { TopOverdueCard } from "./top-overdue-card";
import { TotalsStrip } from "./totals-strip";

/**
 * The DSO page (DSO-5): totals, aging, the DSO trend, the customers most overdue and
 * the open invoices — every figure as of the day in the URL (`as_of`, default today).
 */
export default function OverviewPage() {
  const { t } = useTranslation();
  const me = useMe();
  const locale = currentLocale();
  const errorMessage = useErrorMessage();
  const today = todayInJakarta();
  const list = useListPage({
    table: OVERVIEW_TABLE,
    toQuery: (api) => outstandingQuery(api, today),
    queryOptions: outstandingQueryOptions,
    columns: useOutstandingColumns(),
    getRowId: (row) => row.invoice_id,
    // exports/invoices knows today's statuses only (no as_of): the open ones.
    exportList: ({ query }) =>
      exportInvoices({
        status: query.status ?? OPEN_STATUSES.join(","),
        ...(query.q ? { q: query.q } : {}),
        ...(query.sort ? { sort: query.sort } : {}),
      }),
    onExportError: (e) => toast.error(errorMessage(e)),
  });
  const { state, setFilter } = list;
  const asOf = parseAsOf(state.filters.as_of, today);
  const method = parseMethod(state.filters.method);

  return (
    <ArPage
      title={t("ar.title")}
      description={t("ar.subtitle")}
      actions={
        writesAr(me.role) ? (
          <>
            <Button asChild variant="outline">
              <Link to="/dso/payments/new" data-testid="new-payment">
                <Wallet aria-hidden /> {t("ar.payments.new")}
              </Link>
            </Button>
            <Button asChild>
              <Link to="/dso/invoices/new" data-testid="new-invoice">
                <Plus aria-hidden /> {t("ar.invoices.new")}
              </Link>
            </Button>
          </>
        ) : null
      }
    >
      <FilterBar>
        <AsOfPicker value={asOf} today={today} onChange={(day) => setFilter("as_of", day)} />
      </FilterBar>
      <TotalsStrip asOf={asOf} method={method} />
      <div className="mb-4 grid gap-4 xl:grid-cols-2">
        <AgingCard asOf={asOf} />
        <DsoCard
          asOf={asOf}
          method={method}
          onMethod={(m) => setFilter("method", m === "simple" ? undefined : m)}
        />
      </div>
      <div className="mb-4">
        <TopOverdueCard asOf={asOf} />
      </div>
      <h2 className="mb-2 text-lg font-semibold text-navy-900">{t("ar.outstanding.title")}</h2>
      {list.result.data ? (
        <p className="mb-2 text-sm text-muted" data-testid="outstanding-total">
          {t("ar.outstanding.total", {
            amount: formatIDR(list.result.data.total_outstanding, locale),
          })}
        </p>
      ) : null}
      <DataTable
        {...list.dataTable}
        caption={t("ar.outstanding.title")}
        // Clearing the table's filters keeps the report day and the DSO method.
        onClearFilters={() =>
          list.setState({
            ...state,
            page: 1,
            filters: {
              ...(state.filters.as_of ? { as_of: state.filters.as_of } : {}),
              ...(state.filters.method ? { method: state.filters.method } : {}),
            },
          })
        }
        filters={
          <>
            <SearchFilter
              value={state.filters.q}
              onChange={(value) => setFilter("q", value)}
              label={t("ar.outstanding.search")}
              placeholder={t("ar.outstanding.searchPlaceholder")}
            />
            <SelectFilter
              value={state.filters.status}
              onChange={(value) => setFilter("status", value)}
              label={t("ar.fields.status")}
              allLabel={t("ar.outstanding.allStatuses")}
              testId="filter-status"
            >
              <EnumOptions values={OPEN_STATUSES} labels={INVOICE_STATUS_LABEL} />
            </SelectFilter>
          </>
        }
        actions={
          <Button
            variant="outline"
            size="sm"
            onClick={list.exportRows}
            disabled={list.exporting}
            title={asOf ? t("ar.outstanding.exportHint") : undefined}
          >
            <Download aria-hidden /> {t("ar.export")}
          </Button>
        }
        empty={
          <EmptyState
            title={t("ar.outstanding.empty")}
            description={t("ar.outstanding.emptyBody")}
          />
        }
      />
    </ArPage>
  );
}
