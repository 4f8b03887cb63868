import { CheckSquare } from "lucide-react";
import { useTranslation } from "react-i18next";
import type { AppLocale } from "@/lib/format";
import { cn } from "@/lib/utils";
import { ActivityTypeIcon } from "../activities/activity-type";
import { monthGrid, weekDates } from "../lib/calendar";
import { addDays, jakartaTime } from "../lib/dates";
import type { CalendarEntry } from "../types";
import { CELL_LIMIT, asUtc, intl } from "./calendar-format";

function weekdayNames(locale: AppLocale): string[] {
  const f = intl(locale, { weekday: "short" });
  // 2026-11-16 is a Monday.
  return Array.from({ length: 7 }, (_, i) => f.format(asUtc(addDays("2026-11-16", i))));
}

export function MonthView({
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

export function WeekView({
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

export function EntryChip({
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
