import { useQuery } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/states/states";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { PeriodPicker } from "@/features/kpi/components/period-picker";
import { QueryError } from "@/features/kpi/components/kpi-page";
import { monthOf, parsePeriod, periodLabel, periodValue } from "@/features/kpi/lib/period";
import { currentLocale } from "@/i18n";
import { useErrorMessage } from "@/lib/error-message";
import { todayInJakarta } from "@/lib/format";
import { useUrlSearch } from "@/lib/url-search";
import { exportMeReport, meReportQueryOptions } from "./api";
import { ME_REPORT_SEARCH_KEYS } from "./links";
import { ArCard, TargetsCard } from "./money-sections";
import { ActivitiesCard, LeadsCard, TasksCard, TicketsCard } from "./sections";
import type { MeReport } from "./types";

/** USR-1 "Laporan saya": the signed-in user's own figures for a month, section by section. */
export default function MeReportPage() {
  const { t } = useTranslation();
  const today = todayInJakarta();
  const [search, setSearch] = useUrlSearch(ME_REPORT_SEARCH_KEYS);
  const asked = parsePeriod(search.period);
  const period = asked?.kind === "month" ? periodValue(asked) : monthOf(today);
  const report = useQuery(meReportQueryOptions(period));
  const [exporting, setExporting] = useState(false);
  const errorMessage = useErrorMessage();
  const label = periodLabel(period, currentLocale());

  const download = () => {
    setExporting(true);
    exportMeReport(period)
      .then(() => toast.success(t("meReport.exported")))
      .catch((e: unknown) => toast.error(errorMessage(e)))
      .finally(() => setExporting(false));
  };

  return (
    <>
      <PageHeader
        title={t("meReport.title")}
        description={t("meReport.subtitle", { period: label })}
        actions={
          <Button
            variant="outline"
            onClick={download}
            disabled={exporting}
            data-testid="report-export"
          >
            <Download aria-hidden />
            {t("meReport.export")}
          </Button>
        }
      />
      <div className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-border bg-surface p-3">
        <PeriodPicker
          value={period}
          today={today}
          kinds={["month"]}
          label={t("meReport.period")}
          onChange={(p) => setSearch({ period: p })}
        />
      </div>
      {report.isPending ? (
        <div className="grid gap-4 lg:grid-cols-2" aria-busy="true">
          <span className="sr-only" role="status">
            {t("common.loading")}
          </span>
          <Skeleton className="h-48" />
          <Skeleton className="h-48" />
        </div>
      ) : report.error ? (
        <QueryError error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <Sections report={report.data} />
      )}
    </>
  );
}

function Sections({ report }: { report: MeReport }) {
  const { t } = useTranslation();
  if (report.sections.length === 0) return <EmptyState title={t("meReport.noSections")} />;
  return (
    <div className="grid items-start gap-4 lg:grid-cols-2">
      {report.leads ? <LeadsCard report={report} leads={report.leads} /> : null}
      {report.activities ? <ActivitiesCard report={report} activities={report.activities} /> : null}
      {report.tasks ? <TasksCard tasks={report.tasks} /> : null}
      {report.tickets ? <TicketsCard report={report} tickets={report.tickets} /> : null}
      {report.targets ? <TargetsCard report={report} targets={report.targets} /> : null}
      {report.ar ? <ArCard report={report} ar={report.ar} /> : null}
    </div>
  );
}
