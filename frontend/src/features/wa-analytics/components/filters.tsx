import { useQuery } from "@tanstack/react-query";
import { useId, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { SelectFilter } from "@/components/data-table/filters";
import { Button } from "@/components/ui/button";
import { DayInput } from "@/components/form/day-input";
import { isDay } from "@/features/ar/lib/as-of";
import { agentsQueryOptions } from "@/features/tickets/api";
import { picksAgents } from "../access";
import { lastDays, MAX_DAYS } from "../lib/period";
import type { useDashboardSearch } from "../use-dashboard-search";

type Search = ReturnType<typeof useDashboardSearch>;

function DayField({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  onChange: (day: string) => void;
  testId: string;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-700">
        {label}
      </label>
      <DayInput
        id={id}
        value={value}
        data-testid={testId}
        // A day the field cannot read stays in it and is not sent.
        onChange={(next) => {
          if (isDay(next)) onChange(next);
        }}
      />
    </div>
  );
}

/** CS people (the ticket assignees' directory) and the managers of their teams. */
function AgentAndTeam({ search }: { search: Search }) {
  const { t } = useTranslation();
  const people = useQuery(agentsQueryOptions).data ?? [];
  const managers = new Map<string, string>();
  for (const p of people)
    if (p.manager_user_id) managers.set(p.manager_user_id, p.manager_name ?? p.manager_user_id);
  const unknown = (value: string | undefined, known: boolean): ReactNode =>
    value && !known ? <option value={value}>{value}</option> : null;
  return (
    <>
      <SelectFilter
        value={search.agent}
        onChange={search.setAgent}
        label={t("waAnalytics.filters.agent")}
        allLabel={t("waAnalytics.filters.allAgents")}
        testId="wa-filter-agent"
      >
        {unknown(
          search.agent,
          people.some((p) => p.id === search.agent),
        )}
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.full_name}
          </option>
        ))}
      </SelectFilter>
      {managers.size > 0 || search.team ? (
        <SelectFilter
          value={search.team}
          onChange={search.setTeam}
          label={t("waAnalytics.filters.team")}
          allLabel={t("waAnalytics.filters.allTeams")}
          testId="wa-filter-team"
        >
          {unknown(search.team, search.team ? managers.has(search.team) : true)}
          {[...managers].map(([id, name]) => (
            <option key={id} value={id}>
              {t("waAnalytics.filters.teamOf", { name })}
            </option>
          ))}
        </SelectFilter>
      ) : null}
    </>
  );
}

/** The period (dd/mm/yyyy fields, ISO days in the URL), presets, agent and team. */
export function DashboardFilters({ search }: { search: Search }) {
  const { t } = useTranslation();
  const { period, today } = search;
  const preset = (days: number) => {
    const range = lastDays(days, today);
    search.setPeriod(range.from, range.to);
  };
  return (
    <div className="mb-6 rounded-lg border border-border bg-surface p-3 shadow-xs">
      <div className="flex flex-wrap items-end gap-3">
        <DayField
          label={t("common.dateFrom")}
          value={period.from}
          testId="wa-filter-from"
          onChange={(from) => search.setPeriod(from, period.to)}
        />
        <DayField
          label={t("common.dateTo")}
          value={period.to}
          testId="wa-filter-to"
          onChange={(to) => search.setPeriod(period.from, to)}
        />
        <div className="flex gap-1" role="group" aria-label={t("waAnalytics.filters.presets")}>
          <Button variant="outline" size="sm" onClick={() => preset(7)} data-testid="wa-last-7">
            {t("waAnalytics.filters.last", { days: 7 })}
          </Button>
          <Button variant="outline" size="sm" onClick={() => preset(30)} data-testid="wa-last-30">
            {t("waAnalytics.filters.last", { days: 30 })}
          </Button>
        </div>
        {picksAgents(search.me.role) ? (
          <AgentAndTeam search={search} />
        ) : (
          <p className="self-center text-sm text-muted" data-testid="wa-own-figures">
            {t("waAnalytics.filters.own")}
          </p>
        )}
      </div>
      {period.problem ? (
        <p
          role="alert"
          className="mt-2 text-sm font-medium text-danger"
          data-testid="wa-period-problem"
        >
          {period.problem === "order"
            ? t("waAnalytics.filters.order")
            : t("waAnalytics.filters.tooLong", { days: MAX_DAYS })}
        </p>
      ) : null}
    </div>
  );
}
