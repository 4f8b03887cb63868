import { useQuery } from "@tanstack/react-query";
import { CheckSquare, ChevronLeft, ChevronRight } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { currentLocale } from "@/i18n";
import type { AppLocale } from "@/lib/format";
import { todayInJakarta } from "@/lib/format";
import { cn } from "@/lib/utils";
import { ActivityDetailDialog } from "../activities/activity-detail-dialog";
import { ActivityTypeIcon } from "../activities/activity-type";
import { calendarQueryOptions } from "../work-api";
import { CrmWorkPage, FilterBar, QueryError } from "../components/crm-page";
import { OwnerFilter } from "../components/owner-filter";
import { useUrlSearch } from "@/lib/url-search";
import {
  groupByDay,
  monthGrid,
  shiftView,
  viewRange,
  weekDates,
  type CalendarView,
} from "../lib/calendar";
import { addDays, isDate, jakartaTime, startOfDayInstant } from "../lib/dates";
import { TaskDialog } from "../tasks/task-dialog";
import type { CalendarEntry } from "../types";

const SEARCH_KEYS = ["view", "date", "owner"] as const;
/** Entries shown in a month cell before "+N more". */
const CELL_LIMIT = 3;

function intl(locale: AppLocale, options: Intl.DateTimeFormatOptions) {
  return new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-US", {
    ...options,
    timeZone: "UTC",
  });
}
const asUtc = (date: string) => new Date(`${date}T00:00:00Z`);

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

function weekdayNames(locale: AppLocale): string[] {
  const f = intl(locale, { weekday: "short" });
  // 2026-11-16 is a Monday.
  return Array.from({ length: 7 }, (_, i) => f.format(asUtc(addDays("2026-11-16", i))));
}

function MonthView({
  month,
  today,
  byDay,
  locale,
  onOpen,
  onDay,
}: {
  month: string;
  today: string;
  byDay: Map<string, CalendarEntry[]>;
  locale: AppLocale;
  onOpen: (e: CalendarEntry) => void;
  onDay: (date: string) => void;
}) {
  const { t } = useTranslation();
  const grid = monthGrid(month);
  const names = weekdayNames(locale);
  const long = intl(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric" });
  return (
    <div className="overflow-x-auto rounded-lg border border-border bg-surface shadow-xs">
      <table
        className="w-full min-w-[44rem] table-fixed border-collapse text-sm"
        data-testid="calendar-month"
      >
        <caption className="sr-only">{t("crm.calendar.title")}</caption>
        <thead>
          <tr>
            {names.map((n) => (
              <th
                key={n}
                scope="col"
                className="border-b border-border bg-slate-50 px-2 py-2 text-left text-xs font-semibold text-slate-700 uppercase"
              >
                {n}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.map((week) => (
            <tr key={week[0]}>
              {week.map((d) => {
                const entries = byDay.get(d) ?? [];
                const outside = !d.startsWith(month);
                const isToday = d === today;
                return (
                  <td
                    key={d}
                    className={cn(
                      "h-28 border border-border p-1 align-top",
                      outside && "bg-slate-50",
                    )}
                    data-date={d}
                  >
                    <div className="mb-1 flex items-center justify-between">
                      <button
                        type="button"
                        onClick={() => onDay(d)}
                        aria-label={long.format(asUtc(d))}
                        className={cn(
                          "flex size-6 items-center justify-center rounded-full text-xs font-medium hover:bg-navy-50",
                          outside ? "text-slate-500" : "text-foreground",
                          isToday && "bg-accent-400 text-navy-950 hover:bg-accent-300",
                        )}
                      >
                        {Number(d.slice(8))}
                      </button>
                    </div>
                    <ul className="flex flex-col gap-0.5">
                      {entries.slice(0, CELL_LIMIT).map((e) => (
                        <li key={`${e.kind}-${e.id}`}>
                          <EntryChip entry={e} onOpen={onOpen} compact />
                        </li>
                      ))}
                    </ul>
                    {entries.length > CELL_LIMIT ? (
                      <button
                        type="button"
                        onClick={() => onDay(d)}
                        className="mt-0.5 px-1 text-xs font-medium text-navy-600 hover:underline"
                      >
                        {t("crm.calendar.more", { count: entries.length - CELL_LIMIT })}
                      </button>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function WeekView({
  date,
  today,
  byDay,
  locale,
  onOpen,
}: {
  date: string;
  today: string;
  byDay: Map<string, CalendarEntry[]>;
  locale: AppLocale;
  onOpen: (e: CalendarEntry) => void;
}) {
  const { t } = useTranslation();
  const weekday = intl(locale, { weekday: "long" });
  const dayMonth = intl(locale, { day: "numeric", month: "short" });
  return (
    <ol className="grid gap-2 md:grid-cols-7" data-testid="calendar-week">
      {weekDates(date).map((d) => {
        const entries = byDay.get(d) ?? [];
        return (
          <li
            key={d}
            className={cn(
              "flex min-h-40 flex-col rounded-lg border border-border bg-surface shadow-xs",
              d === today && "border-accent-500 ring-1 ring-accent-400",
            )}
            data-date={d}
          >
            <h3 className="border-b border-border px-2 py-1.5 text-xs">
              <span className="block font-semibold text-navy-900 capitalize">
                {weekday.format(asUtc(d))}
              </span>
              <span className="text-muted">{dayMonth.format(asUtc(d))}</span>
            </h3>
            {entries.length === 0 ? (
              <p className="px-2 py-2 text-xs text-muted">{t("crm.calendar.nothing")}</p>
            ) : (
              <ul className="flex flex-col gap-1 p-1.5">
                {entries.map((e) => (
                  <li key={`${e.kind}-${e.id}`}>
                    <EntryChip entry={e} onOpen={onOpen} />
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function EntryChip({
  entry: e,
  onOpen,
  compact = false,
}: {
  entry: CalendarEntry;
  onOpen: (e: CalendarEntry) => void;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const done = e.status === "done" || e.status === "cancelled";
  const isTask = e.kind === "task";
  return (
    <button
      type="button"
      onClick={() => onOpen(e)}
      data-testid="calendar-entry"
      data-kind={e.kind}
      title={[e.title, e.customer_name, e.owner_name].filter(Boolean).join(" · ")}
      className={cn(
        "flex w-full items-start gap-1 rounded px-1 py-0.5 text-left text-xs",
        isTask
          ? "bg-warning-soft text-yellow-950 hover:bg-yellow-100"
          : "bg-navy-50 text-navy-900 hover:bg-navy-100",
      )}
    >
      {isTask ? (
        <CheckSquare aria-hidden className="mt-0.5 size-3 shrink-0" />
      ) : (
        <ActivityTypeIcon type={e.activity_type ?? "system"} className="mt-0.5 size-3 shrink-0" />
      )}
      <span className="sr-only">
        {isTask ? t("crm.calendar.task") : t("crm.calendar.activity")}:{" "}
      </span>
      <span className="shrink-0 font-medium tabular">{jakartaTime(e.at)}</span>
      <span className={cn("min-w-0", compact ? "truncate" : "break-words", done && "line-through")}>
        {e.title}
        {!compact && e.customer_name ? (
          <span className="block text-[11px] text-muted">{e.customer_name}</span>
        ) : null}
      </span>
    </button>
  );
}
