import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { EmptyState, ErrorState } from "@/components/states/states";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { currentLocale } from "@/i18n";
import { formatIDR } from "@/lib/format";
import { toCents } from "@/lib/money";
import { agingQueryOptions } from "../api";
import { topOverdue } from "../lib/aging";

const TOP = 5;

/** The customers who owe the most past due on the report day, with a bar each. */
export function TopOverdueCard({ asOf }: { asOf: string | undefined }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const aging = useQuery(agingQueryOptions(asOf, { per_page: TOP, sort: "overdue" }));
  const top = aging.data ? topOverdue(aging.data.data, TOP) : [];
  const largest = top[0] ? toCents(top[0].overdue) : 0n;

  let content;
  if (aging.isPending) content = <Skeleton className="h-48 w-full" />;
  else if (aging.error)
    content = (
      <ErrorState error={aging.error} onRetry={() => void aging.refetch()} className="border-0" />
    );
  else if (top.length === 0)
    content = <EmptyState className="py-8" title={t("ar.topOverdue.empty")} />;
  else
    content = (
      <ol className="flex flex-col gap-3">
        {top.map(({ row, overdue }) => {
          // Bar width in per mille of the largest, in integer math.
          const share = largest > 0n ? Number((toCents(overdue) * 1000n) / largest) / 10 : 0;
          return (
            <li key={row.customer_id ?? row.customer_name} data-testid="top-overdue-row">
              <div className="mb-1 flex items-baseline justify-between gap-3 text-sm">
                {row.customer_id ? (
                  <Link
                    to="/dso/statement"
                    search={{ customer_id: row.customer_id }}
                    className="min-w-0 truncate font-medium text-navy-900 underline-offset-2 hover:underline"
                    aria-label={t("ar.topOverdue.statement", { name: row.customer_name })}
                  >
                    {row.customer_name}
                  </Link>
                ) : (
                  <span className="truncate font-medium">{row.customer_name}</span>
                )}
                <span className="font-semibold whitespace-nowrap text-navy-900 tabular">
                  {formatIDR(overdue, locale)}
                </span>
              </div>
              <div className="h-2 rounded-full bg-slate-100" aria-hidden>
                <div className="h-2 rounded-full bg-danger" style={{ width: `${share}%` }} />
              </div>
            </li>
          );
        })}
      </ol>
    );

  return (
    <Card data-testid="top-overdue">
      <CardHeader>
        <CardTitle>{t("ar.topOverdue.title")}</CardTitle>
        <CardDescription>{t("ar.topOverdue.description")}</CardDescription>
      </CardHeader>
      <CardContent>{content}</CardContent>
    </Card>
  );
}
