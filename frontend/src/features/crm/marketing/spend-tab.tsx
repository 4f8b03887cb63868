import { useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { Download, Plus } from "lucide-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "@/api/errors";
import { DataTable } from "@/components/data-table/data-table";
import { SelectFilter } from "@/components/data-table/filters";
import { EmptyState } from "@/components/states/states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { currentLocale } from "@/i18n";
import { formatDate, formatDateTime, formatIDR, formatNumber, formatPercent } from "@/lib/format";
import { QueryError } from "../components/crm-page";
import { DateRangeFilter } from "@/components/form/date-range";
import { csvFileName, downloadRowsCsv } from "../lib/csv";
import { fromCents, toCents } from "../lib/money";
import { platformName } from "./labels";
import { spendQueryOptions } from "./marketing-api";
import { PLATFORMS, type MarketingFilters } from "./marketing-schema";
import { SpendDialog } from "./spend-dialog";
import type { Spend, SpendListQuery } from "./types";
import { useLocalTable } from "./use-local-table";

const col = createColumnHelper<Spend>();
type SpendFilter = "from" | "to" | "platform";

/** Clicks per impression in percent, when both are known. */
function clickRate(s: Spend): number | null {
  if (s.impressions == null || s.clicks == null || s.impressions <= 0) return null;
  return (s.clicks / s.impressions) * 100;
}

export function SpendTab({
  filters,
  canWrite,
  onFilters,
}: {
  filters: MarketingFilters;
  canWrite: boolean;
  onFilters: (patch: Partial<Record<SpendFilter, string | undefined>>) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [state, setState] = useLocalTable<SpendFilter>({
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    ...(filters.platform ? { platform: filters.platform } : {}),
  });
  const query: SpendListQuery = { ...state.filters, page: state.page, per_page: state.perPage };
  const spend = useQuery(spendQueryOptions(query));
  const [adding, setAdding] = useState(false);

  const columns = useMemo(
    () => [
      col.accessor("spend_date", {
        header: t("crm.marketing.spend.date"),
        meta: { label: t("crm.marketing.spend.date"), className: "whitespace-nowrap" },
        cell: (c) => <span className="tabular">{formatDate(c.getValue())}</span>,
      }),
      col.accessor("platform", {
        header: t("crm.marketing.platform"),
        meta: { label: t("crm.marketing.platform") },
        cell: (c) => <Badge>{platformName(c.getValue())}</Badge>,
      }),
      col.accessor("campaign", {
        header: t("crm.marketing.spend.campaign"),
        meta: { label: t("crm.marketing.spend.campaign"), className: "min-w-48" },
        cell: (c) => c.getValue() ?? <span className="text-muted">—</span>,
      }),
      col.accessor("amount", {
        header: t("crm.marketing.spend.amount"),
        meta: {
          label: t("crm.marketing.spend.amount"),
          align: "right",
          className: "whitespace-nowrap tabular",
        },
        cell: (c) => <span className="font-medium">{formatIDR(c.getValue(), locale)}</span>,
      }),
      col.accessor("impressions", {
        header: t("crm.marketing.spend.impressions"),
        meta: {
          label: t("crm.marketing.spend.impressions"),
          align: "right",
          className: "tabular",
        },
        cell: (c) => formatNumber(c.getValue(), locale),
      }),
      col.accessor("clicks", {
        header: t("crm.marketing.spend.clicks"),
        meta: { label: t("crm.marketing.spend.clicks"), align: "right", className: "tabular" },
        cell: (c) => formatNumber(c.getValue(), locale),
      }),
      col.display({
        id: "ctr",
        header: t("crm.marketing.spend.ctr"),
        meta: { label: t("crm.marketing.spend.ctr"), align: "right", className: "tabular" },
        cell: ({ row }) => formatPercent(clickRate(row.original), locale, 2),
      }),
      col.accessor("created_by_name", {
        header: t("crm.marketing.enteredBy"),
        meta: { label: t("crm.marketing.enteredBy"), className: "whitespace-nowrap" },
        cell: (c) => (
          <span className="flex flex-col">
            <span>{c.getValue() ?? "—"}</span>
            <span className="text-xs text-muted tabular">
              {formatDateTime(c.row.original.created_at)}
            </span>
          </span>
        ),
      }),
    ],
    [t, locale],
  );

  if (isApiError(spend.error) && spend.error.status === 403) {
    return <QueryError error={spend.error} onRetry={() => void spend.refetch()} />;
  }

  const rows = spend.data?.data;
  const total = spend.data?.total ?? 0;
  const exportCsv = () => {
    if (!rows) return;
    downloadRowsCsv(
      csvFileName(t("crm.marketing.spend.exportFile"), filters.from, filters.to, `p${state.page}`),
      [
        { header: "spend_date", value: (s: Spend) => s.spend_date },
        { header: "platform", value: (s) => s.platform },
        { header: "campaign", value: (s) => s.campaign },
        { header: "amount_idr", value: (s) => s.amount },
        { header: "impressions", value: (s) => s.impressions },
        { header: "clicks", value: (s) => s.clicks },
        { header: "entered_by", value: (s) => s.created_by_name },
        { header: "entered_at", value: (s) => s.created_at },
      ],
      rows,
    );
  };

  return (
    <>
      {rows && rows.length > 0 ? <SpendSum rows={rows} total={total} /> : null}
      <div data-testid="marketing-spend-table">
        <DataTable
          caption={t("crm.marketing.spend.caption")}
          columns={columns}
          rows={rows}
          total={total}
          totalCapped={spend.data?.total_capped}
          state={state}
          onStateChange={setState}
          sortable={[]}
          getRowId={(s) => s.id}
          isLoading={spend.isPending}
          isFetching={spend.isFetching}
          error={spend.error}
          onRetry={() => void spend.refetch()}
          onClearFilters={() => onFilters({ from: undefined, to: undefined, platform: undefined })}
          empty={
            <EmptyState
              className="border-0"
              title={t("crm.marketing.spend.emptyTitle")}
              description={
                canWrite
                  ? t("crm.marketing.spend.emptyBody")
                  : t("crm.marketing.spend.emptyBodyReadOnly")
              }
            />
          }
          filters={
            <>
              <SelectFilter
                label={t("crm.marketing.platform")}
                allLabel={t("crm.marketing.allPlatforms")}
                value={filters.platform}
                onChange={(platform) => onFilters({ platform })}
                testId="marketing-filter-platform"
              >
                {PLATFORMS.map((p) => (
                  <option key={p} value={p}>
                    {platformName(p)}
                  </option>
                ))}
              </SelectFilter>
              <DateRangeFilter from={filters.from} to={filters.to} onChange={onFilters} />
            </>
          }
          actions={
            <>
              <Button
                variant="outline"
                size="sm"
                onClick={exportCsv}
                disabled={!rows || rows.length === 0}
              >
                <Download aria-hidden />
                <span className="hidden sm:inline">{t("common.exportCsv")}</span>
              </Button>
              {canWrite ? (
                <Button
                  variant="accent"
                  size="sm"
                  onClick={() => setAdding(true)}
                  data-testid="marketing-add-spend"
                >
                  <Plus aria-hidden />
                  {t("crm.marketing.spend.add")}
                </Button>
              ) : null}
            </>
          }
        />
      </div>
      {canWrite ? (
        <SpendDialog open={adding} onOpenChange={setAdding} platform={filters.platform} />
      ) : null}
    </>
  );
}

/** The sum of the listed amounts: of every match when one page holds them all. */
function SpendSum({ rows, total }: { rows: Spend[]; total: number }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const sum = formatIDR(fromCents(rows.reduce((acc, s) => acc + toCents(s.amount), 0n)), locale);
  const count = formatNumber(rows.length, locale);
  return (
    <p className="mb-3 text-sm text-muted" data-testid="marketing-spend-sum">
      {rows.length >= total
        ? t("crm.marketing.spend.sumAll", { amount: sum, n: count })
        : t("crm.marketing.spend.sumPage", { amount: sum, n: count })}
    </p>
  );
}
