import { useQuery } from "@tanstack/react-query";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { currentLocale } from "@/i18n";
import { todayInJakarta } from "@/lib/format";
import { cn } from "@/lib/utils";
import { ActivityDetailDialog } from "../activities/activity-detail-dialog";
import { calendarQueryOptions } from "../work-api";
import { CrmWorkPage, FilterBar, QueryError } from "../components/crm-page";
import { OwnerFilter } from "../components/owner-filter";
import { useUrlSearch } from "@/lib/url-search";
import { groupByDay, shiftView, viewRange, type CalendarView } from "../lib/calendar";
import { addDays, isDate, startOfDayInstant } from "../lib/dates";
import { TaskDialog } from "../tasks/task-dialog";
import type { CalendarEntry } from "../types";
import { MonthView, WeekView } from "./calendar-views";
import { asUtc, intl } from "./calendar-format";

const SEARCH_KEYS = ["view", "date", "owner"] as const;

export default function CalendarPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [search, setSearch] = useUrlSearch(SEARCH_KEYS);
  const view: CalendarView = search.view === "week" ? "week" : "month";
  const today = todayInJakarta();
  const date = isDate(search.date) ? search.date : today;
  const range = viewRange(view, date);
  const query = {
    from: startOfDayInstant(range.from),
    to: startOfDayInstant(addDays(range.to, 1)),
    ...(search.owner ? { owner: search.owner } : {}),
  };
  const calendar = useQuery(calendarQueryOptions(query));
  const byDay = groupByDay(calendar.data ?? []);
  const [openTask, setOpenTask] = useState<string | null>(null);
  const [openActivity, setOpenActivity] = useState<string | null>(null);

  const openEntry = (e: CalendarEntry) => {
    if (e.kind === "task") setOpenTask(e.id);
    else setOpenActivity(e.id);
  };

  const title =
    view === "month"
      ? intl(locale, { month: "long", year: "numeric" }).format(asUtc(date))
      : `${intl(locale, { day: "numeric", month: "short" }).format(asUtc(range.from))} – ${intl(
          locale,
          {
            day: "numeric",
            month: "short",
            year: "numeric",
          },
        ).format(asUtc(range.to))}`;

  return (
    <CrmWorkPage title={t("crm.calendar.title")} description={t("crm.calendar.subtitle")}>
      <FilterBar>
        <div className="flex items-center gap-1">
          <Button
            variant="outline"
            size="icon"
            aria-label={view === "month" ? t("crm.calendar.prevMonth") : t("crm.calendar.prevWeek")}
            onClick={() => setSearch({ date: shiftView(view, date, -1) })}
            data-testid="calendar-prev"
          >
            <ChevronLeft aria-hidden />
          </Button>
          <Button variant="outline" onClick={() => setSearch({ date: undefined })}>
            {t("crm.calendar.today")}
          </Button>
          <Button
            variant="outline"
            size="icon"
            aria-label={view === "month" ? t("crm.calendar.nextMonth") : t("crm.calendar.nextWeek")}
            onClick={() => setSearch({ date: shiftView(view, date, 1) })}
            data-testid="calendar-next"
          >
            <ChevronRight aria-hidden />
          </Button>
        </div>
        <h2
          className="min-w-48 text-lg font-semibold text-navy-900 capitalize"
          aria-live="polite"
          data-testid="calendar-title"
        >
          {title}
        </h2>
        <div
          className="flex rounded-md border border-border p-0.5"
          role="group"
          aria-label={t("crm.calendar.view")}
        >
          {(["month", "week"] as const).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={view === v}
              onClick={() => setSearch({ view: v === "month" ? undefined : v })}
              className={cn(
                "rounded px-3 py-1 text-sm font-medium",
                view === v ? "bg-navy-900 text-white" : "text-foreground hover:bg-navy-50",
              )}
              data-testid={`calendar-view-${v}`}
            >
              {t(`crm.calendar.${v}`)}
            </button>
          ))}
        </div>
        <div className="ml-auto">
          <OwnerFilter value={search.owner} onChange={(v) => setSearch({ owner: v })} />
        </div>
      </FilterBar>

      {calendar.isPending ? (
        <Skeleton className="h-[32rem] w-full" />
      ) : calendar.error ? (
        <QueryError error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : (
        <>
          {view === "month" ? (
            <MonthView
              month={date.slice(0, 7)}
              today={today}
              byDay={byDay}
              locale={locale}
              onOpen={openEntry}
              onDay={(d) => setSearch({ view: "week", date: d })}
            />
          ) : (
            <WeekView date={date} today={today} byDay={byDay} locale={locale} onOpen={openEntry} />
          )}
          {calendar.data.length === 0 ? (
            <p className="mt-3 text-sm text-muted" role="status">
              {t("crm.calendar.empty")}
            </p>
          ) : null}
        </>
      )}

      <TaskDialog
        taskId={openTask}
        onOpenChange={(o) => {
          if (!o) setOpenTask(null);
        }}
      />
      <ActivityDetailDialog
        activityId={openActivity}
        onOpenChange={(o) => {
          if (!o) setOpenActivity(null);
        }}
      />
    </CrmWorkPage>
  );
}
