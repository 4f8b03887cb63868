import { useQuery } from "@tanstack/react-query";
import { Download } from "lucide-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "@/api/errors";
import { EmptyState, ErrorState, ForbiddenState } from "@/components/states/states";
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
import { formatIDR, formatNumber } from "@/lib/format";
import { useRoleLabel } from "@/lib/labels";
import { cn } from "@/lib/utils";
import { csvFileName, downloadRowsCsv } from "../lib/csv";
import { addDecimal } from "../lib/money";
import { ScrollTable } from "./scroll-table";
import { teamWorkloadQueryOptions, type DateRange, type Workload } from "./analytics-api";

type CountKey =
  "leads_in_range" | "won_in_range" | "open_prospects" | "activities_30d" | "overdue_tasks";

interface Column {
  key: keyof Workload;
  header: string;
  cell: (w: Workload) => ReactNode;
  align?: "right";
}

/** One row per salesperson in the caller's scope, with a totals row and a CSV download. */
export function WorkloadCard({ range }: { range: DateRange }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const roleLabel = useRoleLabel();
  const workload = useQuery(teamWorkloadQueryOptions(range));
  const rows = workload.data ?? [];
  const title = t("crm.analytics.workload.title");

  const count = (key: CountKey, header: string): Column => ({
    key,
    header,
    cell: (w) => formatNumber(w[key], locale),
    align: "right",
  });
  const columns: Column[] = [
    { key: "full_name", header: t("crm.analytics.workload.name"), cell: (w) => w.full_name },
    { key: "role", header: t("crm.analytics.workload.role"), cell: (w) => roleLabel(w.role) },
    count("leads_in_range", t("crm.analytics.workload.leads")),
    count("won_in_range", t("crm.analytics.workload.won")),
    count("open_prospects", t("crm.analytics.workload.openProspects")),
    {
      key: "pipeline_value",
      header: t("crm.analytics.workload.pipelineValue"),
      cell: (w) => formatIDR(w.pipeline_value, locale),
      align: "right",
    },
    count("activities_30d", t("crm.analytics.workload.activities")),
    {
      key: "overdue_tasks",
      header: t("crm.analytics.workload.overdue"),
      cell: (w) => (
        <span className={cn(w.overdue_tasks > 0 && "font-semibold text-danger")}>
          {formatNumber(w.overdue_tasks, locale)}
        </span>
      ),
      align: "right",
    },
  ];

  const sum = (key: CountKey) => rows.reduce((s, w) => s + w[key], 0);
  const totals: Partial<Record<keyof Workload, string>> = {
    full_name: t("charts.total"),
    leads_in_range: formatNumber(sum("leads_in_range"), locale),
    won_in_range: formatNumber(sum("won_in_range"), locale),
    open_prospects: formatNumber(sum("open_prospects"), locale),
    pipeline_value: formatIDR(
      rows.reduce((s, w) => addDecimal(s, w.pipeline_value), "0.00"),
      locale,
    ),
    activities_30d: formatNumber(sum("activities_30d"), locale),
    overdue_tasks: formatNumber(sum("overdue_tasks"), locale),
  };

  const exportCsv = () =>
    downloadRowsCsv(
      csvFileName("crm-team-workload", range.from, range.to),
      columns.map((c) => ({ header: c.key, value: (w: Workload) => w[c.key] })),
      rows,
    );

  let content: ReactNode;
  if (workload.isPending) content = <Skeleton className="h-48 w-full" />;
  else if (workload.error)
    content =
      isApiError(workload.error) && workload.error.status === 403 ? (
        <ForbiddenState />
      ) : (
        <ErrorState
          error={workload.error}
          onRetry={() => void workload.refetch()}
          className="border-0"
        />
      );
  else if (rows.length === 0)
    content = <EmptyState className="border-0 py-8" title={t("crm.analytics.workload.empty")} />;
  else
    content = (
      <ScrollTable label={title}>
        <Table data-testid="workload-table">
          <TableCaption className="sr-only">{title}</TableCaption>
          <TableHeader>
            <TableRow>
              {columns.map((c) => (
                <TableHead
                  key={c.key}
                  className={cn("whitespace-normal", c.align === "right" && "text-right")}
                >
                  {c.header}
                </TableHead>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((w) => (
              <TableRow key={w.user_id}>
                {columns.map((c) => (
                  <TableCell
                    key={c.key}
                    className={cn(
                      "whitespace-nowrap",
                      c.align === "right" && "text-right",
                      c.key === "full_name" && "font-medium",
                    )}
                  >
                    {c.cell(w)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
            {rows.length > 1 ? (
              <TableRow className="font-semibold">
                {columns.map((c) => (
                  <TableCell
                    key={c.key}
                    className={cn("whitespace-nowrap", c.align === "right" && "text-right")}
                  >
                    {totals[c.key] ?? ""}
                  </TableCell>
                ))}
              </TableRow>
            ) : null}
          </TableBody>
        </Table>
      </ScrollTable>
    );

  return (
    <Card className="lg:col-span-2" data-testid="analytics-workload">
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <CardTitle>{title}</CardTitle>
          <CardDescription>{t("crm.analytics.workload.description")}</CardDescription>
        </div>
        {!workload.isPending && !workload.error && rows.length > 0 ? (
          <Button
            variant="outline"
            size="sm"
            aria-label={`${t("common.exportCsv")}: ${title}`}
            onClick={exportCsv}
          >
            <Download aria-hidden />
            CSV
          </Button>
        ) : null}
      </CardHeader>
      <CardContent>{content}</CardContent>
    </Card>
  );
}
