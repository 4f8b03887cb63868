import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Download } from "lucide-react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { EmptyState } from "@/components/states/states";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { currentLocale } from "@/i18n";
import { useEnumLabel } from "@/lib/enums";
import { useErrorMessage } from "@/lib/error-message";
import { formatDate, formatIDR } from "@/lib/format";
import { toCents } from "@/lib/money";
import { useUrlSearch } from "@/lib/url-search";
import { cn } from "@/lib/utils";
import { statementQueryOptions } from "../api";
import { ArPage, FilterBar, QueryError } from "../components/ar-page";
import { ArCustomerPicker } from "../components/customer-picker";
import { DayInput } from "@/components/form/day-input";
import { exportStatement } from "../exports";
import { STATEMENT_LINE_KIND_LABEL } from "../labels";
import { isDay } from "../lib/as-of";

const SEARCH_KEYS = ["customer_id", "from", "to"] as const;

function DayFilter({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | undefined;
  onChange: (v: string | undefined) => void;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-700">
        {label}
      </label>
      <DayInput
        id={id}
        value={value ?? ""}
        onChange={(next) => {
          // A day the field could not read stays in the field, marked, and is not sent.
          if (isDay(next)) onChange(next);
          else if (next === "") onChange(undefined);
        }}
      />
    </div>
  );
}

/** A customer's statement of account: opening balance, invoices and payments, running balance. */
export default function StatementPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const errorMessage = useErrorMessage();
  const kindLabel = useEnumLabel(STATEMENT_LINE_KIND_LABEL);
  const [search, setSearch] = useUrlSearch(SEARCH_KEYS);
  const [exporting, setExporting] = useState(false);
  const customerId = search.customer_id;
  const period = {
    ...(isDay(search.from) ? { from: search.from } : {}),
    ...(isDay(search.to) ? { to: search.to } : {}),
  };
  const statement = useQuery({
    ...statementQueryOptions(customerId ?? "", period),
    enabled: Boolean(customerId),
  });
  const s = statement.data;
  const picked = customerId
    ? { id: customerId, name: s?.customer_name ?? t("common.loading"), code: s?.customer_code }
    : null;

  let content;
  if (!customerId) content = <EmptyState title={t("ar.statement.pick")} />;
  else if (statement.isPending) content = <Skeleton className="h-64 w-full" />;
  else if (statement.error)
    content = <QueryError error={statement.error} onRetry={() => void statement.refetch()} />;
  else if (s) {
    const money = (v: string) => (toCents(v) === 0n ? "" : formatIDR(v, locale));
    content = (
      <Card>
        <CardHeader className="flex-row flex-wrap items-start justify-between gap-2">
          <div>
            <CardTitle data-testid="statement-customer">
              {s.customer_name}{" "}
              <span className="text-sm font-normal text-muted">{s.customer_code}</span>
            </CardTitle>
            <CardDescription>
              {t("ar.statement.period", { from: formatDate(s.from), to: formatDate(s.to) })}
            </CardDescription>
          </div>
          <Button
            variant="outline"
            size="sm"
            disabled={exporting}
            onClick={() => {
              setExporting(true);
              exportStatement(
                { customer_id: s.customer_id, from: s.from, to: s.to },
                s.customer_code,
              )
                .catch((e: unknown) => toast.error(errorMessage(e)))
                .finally(() => setExporting(false));
            }}
          >
            <Download aria-hidden /> {t("ar.statement.export")}
          </Button>
        </CardHeader>
        <CardContent>
          <Table data-testid="statement-table">
            <TableCaption>{t("ar.statement.title")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>{t("ar.statement.date")}</TableHead>
                <TableHead>{t("ar.statement.kind")}</TableHead>
                <TableHead>{t("ar.statement.code")}</TableHead>
                <TableHead>{t("ar.fields.reference")}</TableHead>
                <TableHead>{t("ar.fields.dueDate")}</TableHead>
                <TableHead className="text-right">{t("ar.statement.debit")}</TableHead>
                <TableHead className="text-right">{t("ar.statement.credit")}</TableHead>
                <TableHead className="text-right">{t("ar.statement.balance")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              <TableRow className="bg-slate-50">
                <TableCell>{formatDate(s.from)}</TableCell>
                <TableCell colSpan={6} className="font-medium">
                  {t("ar.statement.opening")}
                </TableCell>
                <TableCell className="text-right font-semibold">
                  {formatIDR(s.opening_balance, locale)}
                </TableCell>
              </TableRow>
              {s.lines.length === 0 ? (
                <TableRow>
                  <TableCell colSpan={8} className="text-center text-muted">
                    {t("ar.statement.noLines")}
                  </TableCell>
                </TableRow>
              ) : (
                s.lines.map((l) => (
                  <TableRow key={`${l.kind}-${l.id}`} data-testid="statement-line">
                    <TableCell className="whitespace-nowrap">{formatDate(l.date)}</TableCell>
                    <TableCell>{kindLabel(l.kind)}</TableCell>
                    <TableCell className="font-medium whitespace-nowrap">
                      {l.kind === "invoice" ? (
                        <Link
                          to="/dso/invoices/$invoiceId"
                          params={{ invoiceId: l.id }}
                          className="text-navy-900 underline-offset-2 hover:underline"
                        >
                          {l.code}
                        </Link>
                      ) : (
                        l.code
                      )}
                    </TableCell>
                    <TableCell>{l.reference ?? ""}</TableCell>
                    <TableCell className="whitespace-nowrap">
                      {l.due_date ? formatDate(l.due_date) : ""}
                    </TableCell>
                    <TableCell className="text-right whitespace-nowrap">{money(l.debit)}</TableCell>
                    <TableCell className="text-right whitespace-nowrap">
                      {money(l.credit)}
                    </TableCell>
                    <TableCell
                      className={cn(
                        "text-right whitespace-nowrap",
                        toCents(l.balance) < 0n && "text-success",
                      )}
                    >
                      {formatIDR(l.balance, locale)}
                    </TableCell>
                  </TableRow>
                ))
              )}
              <TableRow className="bg-slate-50 font-semibold" data-testid="statement-closing">
                <TableCell>{formatDate(s.to)}</TableCell>
                <TableCell colSpan={4}>{t("ar.statement.closing")}</TableCell>
                <TableCell className="text-right">{formatIDR(s.total_debit, locale)}</TableCell>
                <TableCell className="text-right">{formatIDR(s.total_credit, locale)}</TableCell>
                <TableCell className="text-right">{formatIDR(s.closing_balance, locale)}</TableCell>
              </TableRow>
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    );
  }

  return (
    <ArPage title={t("ar.statement.title")} description={t("ar.statement.subtitle")}>
      <FilterBar>
        <div className="w-full sm:w-80">
          <ArCustomerPicker
            label={t("ar.fields.customer")}
            value={picked}
            onChange={(c) => setSearch({ customer_id: c?.id })}
          />
        </div>
        <DayFilter
          label={t("common.dateFrom")}
          value={period.from}
          onChange={(from) => setSearch({ from })}
        />
        <DayFilter
          label={t("common.dateTo")}
          value={period.to}
          onChange={(to) => setSearch({ to })}
        />
      </FilterBar>
      {content}
    </ArPage>
  );
}
