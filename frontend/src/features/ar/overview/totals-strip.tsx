import { useQuery } from "@tanstack/react-query";
import { ArrowDownRight, ArrowUpRight, Minus } from "lucide-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { DsoMethod } from "@/api/enums.gen";
import { Skeleton } from "@/components/ui/skeleton";
import { currentLocale } from "@/i18n";
import { formatDate, formatIDR, formatNumber, formatPercent } from "@/lib/format";
import { toCents } from "@/lib/money";
import { cn } from "@/lib/utils";
import { agingQueryOptions, dsoQueryOptions } from "../api";
import { overdueCents, overdueOf } from "../lib/aging";
import { dsoTrend } from "../lib/dso";

function Figure({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  testId: string;
}) {
  return (
    <div
      className="rounded-lg border border-border bg-surface px-4 py-3 shadow-xs"
      data-testid={testId}
    >
      <p className="text-xs font-medium text-muted">{label}</p>
      <p
        className="mt-1 text-xl font-semibold whitespace-nowrap text-navy-900 tabular"
        data-testid={`${testId}-value`}
      >
        {value}
      </p>
      {hint ? <div className="mt-0.5 text-xs text-muted">{hint}</div> : null}
    </div>
  );
}

/** AR balance, overdue, DSO with its trend against a month earlier, and unapplied cash. */
export function TotalsStrip({ asOf, method }: { asOf: string | undefined; method: DsoMethod }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const aging = useQuery(agingQueryOptions(asOf));
  const dso = useQuery(dsoQueryOptions({ ...(asOf ? { as_of: asOf } : {}), method }));
  if (aging.isPending || dso.isPending)
    return (
      <div className="mb-4 grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-24" />
        ))}
      </div>
    );
  const totals = aging.data?.totals;
  const balance = totals ? toCents(totals.total) : 0n;
  const overdue = totals ? overdueCents(totals) : 0n;
  const overduePct = balance > 0n ? Number((overdue * 10000n) / balance) / 100 : null;
  const days = dso.data?.days ?? 30;
  const trend = dsoTrend(dso.data?.dso, dso.data?.dso_last_month);
  const TrendIcon =
    trend?.direction === "rising"
      ? ArrowUpRight
      : trend?.direction === "falling"
        ? ArrowDownRight
        : Minus;
  const paidAfter = totals && toCents(totals.paid_after) > 0n ? totals.paid_after : null;

  return (
    <div className="mb-4 grid gap-3 sm:grid-cols-2 xl:grid-cols-4" data-testid="ar-totals">
      <Figure
        testId="stat-ar-balance"
        label={t("ar.totals.arBalance")}
        value={formatIDR(totals?.total, locale)}
        hint={
          paidAfter && asOf
            ? t("ar.totals.paidAfter", {
                date: formatDate(asOf),
                amount: formatIDR(paidAfter, locale),
              })
            : null
        }
      />
      <Figure
        testId="stat-overdue"
        label={t("ar.totals.overdue")}
        value={totals ? formatIDR(overdueOf(totals), locale) : "—"}
        hint={
          overduePct !== null
            ? t("ar.totals.overdueShare", { pct: formatPercent(overduePct, locale) })
            : null
        }
      />
      <Figure
        testId="stat-dso"
        label={t("ar.totals.dso", { days })}
        value={
          dso.data?.dso
            ? t("ar.totals.dsoValue", {
                days: formatNumber(dso.data.dso, locale, { maximumFractionDigits: 1 }),
              })
            : "—"
        }
        hint={
          !dso.data?.dso ? (
            t("ar.totals.dsoNone", { days })
          ) : (
            <span
              className={cn(
                "inline-flex items-center gap-1",
                trend?.direction === "rising" && "text-danger",
                trend?.direction === "falling" && "text-success",
              )}
              data-testid="dso-trend"
              data-direction={trend?.direction ?? "none"}
            >
              <TrendIcon aria-hidden className="size-3.5" />
              {trend === null
                ? t("ar.totals.trendNone")
                : trend.direction === "flat"
                  ? t("ar.totals.trendFlat")
                  : t(trend.direction === "rising" ? "ar.totals.trendUp" : "ar.totals.trendDown", {
                      days: formatNumber(trend.delta, locale, { maximumFractionDigits: 1 }),
                    })}
            </span>
          )
        }
      />
      <Figure
        testId="stat-unapplied"
        label={t("ar.totals.unapplied")}
        value={formatIDR(totals?.unapplied, locale)}
      />
    </div>
  );
}
