import { useQuery } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
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
import { formatIDR, formatNumber, todayInJakarta } from "@/lib/format";
import { forecastQueryOptions } from "../work-api";
import { CrmWorkPage, FilterBar, QueryError } from "../components/crm-page";
import { DateRangeFilter } from "@/components/form/date-range";
import { OwnerFilter } from "../components/owner-filter";
import { Stat } from "../components/stat";
import { useUrlSearch } from "@/lib/url-search";
import { csvFileName, downloadRowsCsv } from "../lib/csv";
import { isDate, monthsAround } from "../lib/dates";
import { addDecimal } from "../lib/money";
import { monthLabel } from "../lib/months";
import type { ForecastMonth } from "../types";
import ForecastChart from "./forecast-chart";

const SEARCH_KEYS = ["from", "to", "owner"] as const;

export default function ForecastPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [search, setSearch] = useUrlSearch(SEARCH_KEYS);
  // This month and the five after it (what the API defaults to as well).
  const defaults = monthsAround(todayInJakarta(), 0, 5);
  const from = isDate(search.from) ? search.from : defaults.from;
  const to = isDate(search.to) ? search.to : defaults.to;
  const forecast = useQuery(
    forecastQueryOptions({ from, to, ...(search.owner ? { owner: search.owner } : {}) }),
  );
  const months = forecast.data?.months ?? [];
  const totalExpected = months.reduce((s, m) => addDecimal(s, m.expected_value), "0.00");
  const totalCount = months.reduce((s, m) => s + m.count, 0);

  const exportCsv = () =>
    downloadRowsCsv(
      csvFileName("forecast", from, to),
      [
        { header: "month", value: (m: ForecastMonth) => m.month },
        { header: "count", value: (m) => m.count },
        { header: "expected_value", value: (m) => m.expected_value },
        { header: "weighted_value", value: (m) => m.weighted_value },
      ],
      months,
    );

  return (
    <CrmWorkPage title={t("crm.forecast.title")} description={t("crm.forecast.subtitle")}>
      <FilterBar>
        <DateRangeFilter
          from={from}
          to={to}
          onChange={(r) =>
            setSearch({
              from: r.from && r.from !== defaults.from ? r.from : undefined,
              to: r.to && r.to !== defaults.to ? r.to : undefined,
            })
          }
        />
        <OwnerFilter value={search.owner} onChange={(v) => setSearch({ owner: v })} />
      </FilterBar>

      {forecast.isPending ? (
        <div className="flex flex-col gap-4" aria-busy="true">
          <span className="sr-only" role="status">
            {t("common.loading")}
          </span>
          <div className="grid gap-4 sm:grid-cols-3">
            <Skeleton className="h-20" />
            <Skeleton className="h-20" />
            <Skeleton className="h-20" />
          </div>
          <Skeleton className="h-72" />
        </div>
      ) : forecast.error ? (
        <QueryError error={forecast.error} onRetry={() => void forecast.refetch()} />
      ) : (
        <div className="flex flex-col gap-4">
          <div className="grid gap-4 sm:grid-cols-3">
            <Stat
              label={t("crm.forecast.totalWeighted")}
              value={formatIDR(forecast.data.total_weighted_value, locale)}
              testId="forecast-total-weighted"
            />
            <Stat
              label={t("crm.forecast.totalExpected")}
              value={formatIDR(totalExpected, locale)}
            />
            <Stat label={t("crm.forecast.count")} value={formatNumber(totalCount, locale)} />
          </div>
          <ForecastChart months={months} />
          <Card>
            <CardHeader className="flex-row items-center justify-between gap-2">
              <CardTitle>{t("crm.forecast.tableTitle")}</CardTitle>
              <Button
                variant="outline"
                size="sm"
                onClick={exportCsv}
                disabled={months.length === 0}
                data-testid="forecast-csv"
              >
                <Download aria-hidden />
                {t("common.exportCsv")}
              </Button>
            </CardHeader>
            <CardContent>
              <Table data-testid="forecast-table">
                <TableCaption>{t("crm.forecast.tableTitle")}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHead>{t("crm.forecast.month")}</TableHead>
                    <TableHead className="text-right">{t("crm.forecast.count")}</TableHead>
                    <TableHead className="text-right">{t("crm.forecast.expected")}</TableHead>
                    <TableHead className="text-right">{t("crm.forecast.weighted")}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {months.map((m) => (
                    <TableRow key={m.month}>
                      <TableCell className="capitalize">
                        {monthLabel(m.month, locale, "long")}
                      </TableCell>
                      <TableCell className="text-right">{formatNumber(m.count, locale)}</TableCell>
                      <TableCell className="text-right">
                        {formatIDR(m.expected_value, locale)}
                      </TableCell>
                      <TableCell className="text-right">
                        {formatIDR(m.weighted_value, locale)}
                      </TableCell>
                    </TableRow>
                  ))}
                  <TableRow className="font-semibold">
                    <TableCell>{t("charts.total")}</TableCell>
                    <TableCell className="text-right">{formatNumber(totalCount, locale)}</TableCell>
                    <TableCell className="text-right">{formatIDR(totalExpected, locale)}</TableCell>
                    <TableCell className="text-right">
                      {formatIDR(forecast.data.total_weighted_value, locale)}
                    </TableCell>
                  </TableRow>
                </TableBody>
              </Table>
            </CardContent>
          </Card>
        </div>
      )}
    </CrmWorkPage>
  );
}
