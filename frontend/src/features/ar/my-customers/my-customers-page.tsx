import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { EmptyState, ForbiddenState, PageSkeleton } from "@/components/states/states";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { useMe } from "@/features/auth/api";
import { currentLocale } from "@/i18n";
import { formatDate, formatIDR, todayInJakarta } from "@/lib/format";
import { useUrlSearch } from "@/lib/url-search";
import { ownsCustomers } from "../access";
import { myCustomersQueryOptions } from "../api";
import { AgingTable } from "../components/aging-table";
import { ArPage, FilterBar, QueryError } from "../components/ar-page";
import { AsOfPicker } from "../components/as-of-picker";
import { CollectionTicketButton } from "../components/collection-ticket-button";
import { InvoiceStatusBadge } from "../components/status-badge";
import { agingIsEmpty, overdueOf } from "../lib/aging";
import { parseAsOf } from "../lib/as-of";
import { OverdueDays } from "../components/overdue-days";

const SEARCH_KEYS = ["as_of"] as const;

/**
 * "Piutang pelanggan saya" (DSO-3): the aging and open invoices of the customers a
 * salesperson (or a sales manager's team) owns, as of a day. The API scopes it (RLS).
 */
export default function MyCustomersPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!ownsCustomers(me.role)) return <ForbiddenState />;
  return (
    <ArPage title={t("ar.myCustomers.title")} description={t("ar.myCustomers.subtitle")}>
      <MyCustomers />
    </ArPage>
  );
}

function MyCustomers() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const today = todayInJakarta();
  const [search, setSearch] = useUrlSearch(SEARCH_KEYS);
  const asOf = parseAsOf(search.as_of, today);
  const mine = useQuery(myCustomersQueryOptions(asOf));

  let content;
  if (mine.isPending) content = <PageSkeleton />;
  else if (mine.error)
    content = <QueryError error={mine.error} onRetry={() => void mine.refetch()} />;
  else if (agingIsEmpty(mine.data.totals) && mine.data.invoices.length === 0)
    content = <EmptyState title={t("ar.myCustomers.empty")} />;
  else {
    const { customers, totals, invoices } = mine.data;
    content = (
      <div className="flex flex-col gap-4">
        <div className="grid gap-3 sm:grid-cols-2">
          <div
            className="rounded-lg border border-border bg-surface px-4 py-3 shadow-xs"
            data-testid="my-ar-balance"
          >
            <p className="text-xs font-medium text-muted">{t("ar.totals.arBalance")}</p>
            <p className="mt-1 text-xl font-semibold text-navy-900 tabular">
              {formatIDR(totals.total, locale)}
            </p>
          </div>
          <div
            className="rounded-lg border border-border bg-surface px-4 py-3 shadow-xs"
            data-testid="my-ar-overdue"
          >
            <p className="text-xs font-medium text-muted">{t("ar.totals.overdue")}</p>
            <p className="mt-1 text-xl font-semibold text-navy-900 tabular">
              {formatIDR(overdueOf(totals), locale)}
            </p>
          </div>
        </div>
        <Card>
          <CardHeader>
            <CardTitle>{t("ar.myCustomers.customers")}</CardTitle>
          </CardHeader>
          <CardContent>
            <AgingTable rows={customers} totals={totals} caption={t("ar.myCustomers.customers")} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("ar.myCustomers.invoices")}</CardTitle>
          </CardHeader>
          <CardContent>
            <Table data-testid="my-invoices">
              <TableCaption>{t("ar.myCustomers.invoices")}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("ar.fields.invoice")}</TableHead>
                  <TableHead>{t("ar.fields.customer")}</TableHead>
                  <TableHead>{t("ar.fields.dueDate")}</TableHead>
                  <TableHead className="text-right">{t("ar.fields.outstanding")}</TableHead>
                  <TableHead className="text-right">{t("ar.fields.daysOverdue")}</TableHead>
                  <TableHead>{t("ar.fields.status")}</TableHead>
                  <TableHead>
                    <span className="sr-only">{t("ar.fields.actions")}</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {invoices.map((i) => (
                  <TableRow
                    key={i.invoice_id}
                    data-testid="my-invoice-row"
                    data-invoice-code={i.invoice_code}
                  >
                    <TableCell className="font-medium whitespace-nowrap">
                      <Link
                        to="/dso/invoices/$invoiceId"
                        params={{ invoiceId: i.invoice_id }}
                        className="text-navy-900 underline-offset-2 hover:underline"
                      >
                        {i.invoice_code}
                      </Link>
                    </TableCell>
                    <TableCell>{i.customer_name}</TableCell>
                    <TableCell className="whitespace-nowrap">{formatDate(i.due_date)}</TableCell>
                    <TableCell className="text-right whitespace-nowrap">
                      {formatIDR(i.outstanding, locale)}
                    </TableCell>
                    <TableCell className="text-right">
                      <OverdueDays days={i.days_overdue} />
                    </TableCell>
                    <TableCell>
                      <InvoiceStatusBadge status={i.status} />
                    </TableCell>
                    <TableCell>
                      {i.status === "overdue" ? (
                        <CollectionTicketButton
                          invoiceId={i.invoice_id}
                          invoiceCode={i.invoice_code}
                        />
                      ) : null}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      </div>
    );
  }

  return (
    <>
      <FilterBar>
        <AsOfPicker value={asOf} today={today} onChange={(as_of) => setSearch({ as_of })} />
      </FilterBar>
      {content}
    </>
  );
}
