import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { BarChart3, ChevronLeft, ChevronRight, Pencil, Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState, ErrorState } from "@/components/states/states";
import { Alert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import {
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { currentLocale } from "@/i18n";
import { useErrorMessage } from "@/lib/error-message";
import { todayInJakarta } from "@/lib/format";
import { useUrlSearch } from "@/lib/url-search";
import { HolidayDialog } from "./holiday-dialog";
import { HOLIDAY_KIND_LABEL } from "./labels";
import {
  MAX_YEAR,
  MIN_YEAR,
  formatHolidayDate,
  holidayKind,
  parseYear,
  sortHolidays,
  weekHours,
  weekdayLabel,
} from "./sla-calendar";
import { type Holiday, slaCalendarQueryOptions, useDeleteHoliday } from "./sla-calendar-api";

const KEYS = ["year"] as const;

type DialogState = { mode: "add" } | { mode: "edit"; holiday: Holiday } | null;

/**
 * The SLA clock's business calendar: working hours per weekday and the year's holidays.
 * Super and CS admins (`editable`) add, edit and delete holidays; everyone else reads.
 */
export default function SlaCalendarPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const errorMessage = useErrorMessage();
  const [search, setSearch] = useUrlSearch(KEYS);
  const year = parseYear(search.year) ?? Number(todayInJakarta().slice(0, 4));
  const calendar = useQuery(slaCalendarQueryOptions(year));
  const remove = useDeleteHoliday();
  const [dialog, setDialog] = useState<DialogState>(null);
  const [deleting, setDeleting] = useState<Holiday | null>(null);
  const data = calendar.data;
  const editable = data?.editable === true;
  const holidays = data ? sortHolidays(data.holidays) : [];
  const anyTentative = holidays.some((h) => h.tentative);

  const goToYear = (next: number) => setSearch({ year: String(next) });

  return (
    <>
      <PageHeader
        title={t("tickets.calendar.title")}
        description={t("tickets.calendar.subtitle")}
        actions={
          <>
            <Button asChild variant="outline">
              <Link to="/ticketing/tickets/sla" data-testid="sla-report-link">
                <BarChart3 aria-hidden /> {t("tickets.sla.title")}
              </Link>
            </Button>
            {editable ? (
              <Button onClick={() => setDialog({ mode: "add" })} data-testid="add-holiday">
                <Plus aria-hidden /> {t("tickets.calendar.add")}
              </Button>
            ) : null}
          </>
        }
      />
      <div
        role="group"
        aria-label={t("tickets.calendar.yearSwitcher")}
        className="mb-4 flex items-center gap-2"
      >
        <Button
          variant="outline"
          size="icon"
          onClick={() => goToYear(year - 1)}
          disabled={year <= MIN_YEAR}
          aria-label={t("tickets.calendar.prevYear", { year: year - 1 })}
          data-testid="prev-year"
        >
          <ChevronLeft aria-hidden />
        </Button>
        <span
          className="min-w-16 text-center text-lg font-semibold text-navy-900 tabular-nums"
          aria-live="polite"
          data-testid="calendar-year"
        >
          {year}
        </span>
        <Button
          variant="outline"
          size="icon"
          onClick={() => goToYear(year + 1)}
          disabled={year >= MAX_YEAR}
          aria-label={t("tickets.calendar.nextYear", { year: year + 1 })}
          data-testid="next-year"
        >
          <ChevronRight aria-hidden />
        </Button>
      </div>
      {calendar.isLoading ? (
        <Skeleton className="h-64" />
      ) : calendar.error ? (
        <ErrorState error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : !data ? null : (
        <div className="grid gap-6 lg:grid-cols-[18rem_1fr]">
          <Card className="self-start" data-testid="business-hours">
            <CardHeader>
              <CardTitle>{t("tickets.calendar.hoursTitle")}</CardTitle>
              <CardDescription>{t("tickets.calendar.hoursBody")}</CardDescription>
            </CardHeader>
            <CardContent>
              <dl className="flex flex-col divide-y divide-border text-sm">
                {weekHours(data.business_hours).map(({ isodow, hours }) => (
                  <div
                    key={isodow}
                    className="flex justify-between gap-4 py-1.5"
                    data-testid="weekday-hours"
                    data-isodow={isodow}
                  >
                    <dt className="font-medium text-foreground">{weekdayLabel(isodow, locale)}</dt>
                    <dd className={hours ? "tabular-nums" : "text-slate-600"}>
                      {hours ?? t("tickets.calendar.closed")}
                    </dd>
                  </div>
                ))}
              </dl>
            </CardContent>
          </Card>
          <section aria-labelledby="holidays-title" className="min-w-0">
            <h2 id="holidays-title" className="mb-3 text-base font-semibold text-foreground">
              {t("tickets.calendar.holidaysTitle", { year: data.year })}
            </h2>
            {holidays.length === 0 ? (
              <EmptyState
                title={t("tickets.calendar.empty", { year: data.year })}
                description={
                  editable
                    ? t("tickets.calendar.emptyBodyEditable")
                    : t("tickets.calendar.emptyBody")
                }
              />
            ) : (
              <>
                {anyTentative ? (
                  <Alert variant="info" className="mb-3" data-testid="tentative-note">
                    {t("tickets.calendar.tentativeNote")}
                  </Alert>
                ) : null}
                <div
                  role="region"
                  aria-labelledby="holidays-title"
                  tabIndex={0}
                  className="overflow-x-auto rounded-lg border border-border bg-surface"
                >
                  <table className="w-full caption-bottom text-sm" data-testid="holiday-table">
                    <TableCaption className="sr-only">
                      {t("tickets.calendar.holidaysTitle", { year: data.year })}
                    </TableCaption>
                    <TableHeader>
                      <TableRow>
                        <TableHead>{t("tickets.calendar.date")}</TableHead>
                        <TableHead>{t("tickets.calendar.name")}</TableHead>
                        <TableHead>{t("tickets.calendar.kind")}</TableHead>
                        {editable ? (
                          <TableHead className="text-right">{t("common.actions")}</TableHead>
                        ) : null}
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {holidays.map((h) => {
                        const kind = holidayKind(h.kind);
                        return (
                          <TableRow
                            key={h.day}
                            data-testid="holiday-row"
                            data-day={h.day}
                            data-kind={kind}
                            data-tentative={h.tentative}
                          >
                            <TableCell className="whitespace-nowrap">
                              <time dateTime={h.day}>{formatHolidayDate(h.day, locale)}</time>
                            </TableCell>
                            <TableCell>
                              <span data-testid="holiday-name">{h.name}</span>
                              {h.tentative ? (
                                <Badge
                                  variant="warning"
                                  className="ml-2"
                                  data-testid="tentative-badge"
                                >
                                  {t("tickets.calendar.tentative")}
                                </Badge>
                              ) : null}
                            </TableCell>
                            <TableCell>
                              <Badge
                                variant={kind === "collective_leave" ? "muted" : "default"}
                                data-testid="holiday-kind"
                              >
                                {t(HOLIDAY_KIND_LABEL[kind])}
                              </Badge>
                            </TableCell>
                            {editable ? (
                              <TableCell className="text-right whitespace-nowrap">
                                <Button
                                  variant="ghost"
                                  size="icon-sm"
                                  onClick={() => setDialog({ mode: "edit", holiday: h })}
                                  aria-label={t("tickets.calendar.edit", { name: h.name })}
                                  title={t("tickets.calendar.edit", { name: h.name })}
                                  data-testid="edit-holiday"
                                >
                                  <Pencil aria-hidden />
                                </Button>
                                <Button
                                  variant="ghost"
                                  size="icon-sm"
                                  className="text-danger"
                                  onClick={() => setDeleting(h)}
                                  aria-label={t("tickets.calendar.delete", { name: h.name })}
                                  title={t("tickets.calendar.delete", { name: h.name })}
                                  data-testid="delete-holiday"
                                >
                                  <Trash2 aria-hidden />
                                </Button>
                              </TableCell>
                            ) : null}
                          </TableRow>
                        );
                      })}
                    </TableBody>
                  </table>
                </div>
              </>
            )}
            {!editable ? (
              <p className="mt-3 text-xs text-slate-600">{t("tickets.calendar.readOnly")}</p>
            ) : null}
          </section>
        </div>
      )}
      {dialog ? (
        <HolidayDialog
          holiday={dialog.mode === "edit" ? dialog.holiday : null}
          onClose={() => setDialog(null)}
          onSaved={(day) => {
            setDialog(null);
            const savedYear = parseYear(day.slice(0, 4));
            if (savedYear !== null && savedYear !== year) goToYear(savedYear);
          }}
        />
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(o) => !o && setDeleting(null)}
        title={t("tickets.calendar.deleteTitle", { name: deleting?.name ?? "" })}
        description={t("tickets.calendar.deleteBody", {
          date: deleting ? formatHolidayDate(deleting.day, locale) : "",
        })}
        confirmLabel={t("tickets.calendar.deleteConfirm")}
        pending={remove.isPending}
        onConfirm={() => {
          if (!deleting) return;
          const h = deleting;
          remove.mutate(h.day, {
            onSuccess: () => {
              toast.success(t("tickets.calendar.deleted", { name: h.name }));
              setDeleting(null);
            },
            onError: (e) => {
              toast.error(errorMessage(e));
              setDeleting(null);
            },
          });
        }}
      />
    </>
  );
}
