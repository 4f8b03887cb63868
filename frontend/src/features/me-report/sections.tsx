import { useTranslation } from "react-i18next";
import { ACTIVITY_TYPE_LABEL, LEAD_STATUS_LABEL } from "@/features/crm/labels";
import { useEnumLabel } from "@/lib/enums";
import { CountTable, Figure, Figures, SectionCard } from "./figure";
import { activitiesLink, leadsLink, TASKS_LINK, ticketsLink } from "./links";
import type {
  ActivitiesSection,
  LeadsSection,
  MeReport,
  TasksSection,
  TicketsSection,
} from "./types";

export function LeadsCard({ report, leads }: { report: MeReport; leads: LeadsSection }) {
  const { t } = useTranslation();
  const status = useEnumLabel(LEAD_STATUS_LABEL);
  const link = (extra = "") => leadsLink(report, leads.ownership, extra);
  return (
    <SectionCard
      id="leads"
      title={t("meReport.leads.title")}
      href={link()}
      linkLabel={t("meReport.open")}
    >
      <Figures>
        <Figure
          label={t("meReport.leads.total")}
          value={leads.total}
          href={link()}
          testId="report-leads-total"
        />
      </Figures>
      <div className="grid gap-4 sm:grid-cols-2">
        <CountTable
          caption={t("meReport.leads.byStatus")}
          rows={leads.by_status.map((s) => ({
            key: s.status,
            label: status(s.status),
            count: s.count,
            href: link(`&status=${s.status}`),
          }))}
        />
        {leads.by_channel.length === 0 ? (
          <p className="text-sm text-muted">{t("meReport.leads.noChannel")}</p>
        ) : (
          <CountTable
            caption={t("meReport.leads.byChannel")}
            rows={leads.by_channel.map((c) => ({
              key: c.channel,
              label: c.name,
              count: c.count,
              href: link(`&channel=${c.channel}`),
            }))}
          />
        )}
      </div>
    </SectionCard>
  );
}

export function ActivitiesCard({
  report,
  activities,
}: {
  report: MeReport;
  activities: ActivitiesSection;
}) {
  const { t } = useTranslation();
  const kind = useEnumLabel(ACTIVITY_TYPE_LABEL);
  return (
    <SectionCard
      id="activities"
      title={t("meReport.activities.title")}
      href={activitiesLink(report)}
      linkLabel={t("meReport.open")}
    >
      <Figures>
        <Figure
          label={t("meReport.activities.total")}
          value={activities.total}
          href={activitiesLink(report)}
          testId="report-activities-total"
        />
        <Figure
          label={t("meReport.activities.visitsDone")}
          value={activities.visits_done}
          href={activitiesLink(report, "&type=visit")}
          testId="report-visits-done"
        />
        <Figure
          label={t("meReport.activities.system")}
          value={activities.system}
          testId="report-activities-system"
        />
      </Figures>
      <CountTable
        caption={t("meReport.activities.byType")}
        rows={activities.by_type.map((a) => ({
          key: a.activity_type,
          label: kind(a.activity_type),
          count: a.count,
          href: activitiesLink(report, `&type=${a.activity_type}`),
        }))}
      />
    </SectionCard>
  );
}

export function TasksCard({ tasks }: { tasks: TasksSection }) {
  const { t } = useTranslation();
  return (
    <SectionCard
      id="tasks"
      title={t("meReport.tasks.title")}
      href={TASKS_LINK}
      linkLabel={t("meReport.open")}
    >
      <Figures>
        <Figure label={t("meReport.tasks.open")} value={tasks.open} testId="report-tasks-open" />
        <Figure
          label={t("meReport.tasks.overdue")}
          value={tasks.overdue}
          tone="danger"
          testId="report-tasks-overdue"
        />
        <Figure label={t("meReport.tasks.due")} value={tasks.due} testId="report-tasks-due" />
        <Figure label={t("meReport.tasks.done")} value={tasks.done} testId="report-tasks-done" />
      </Figures>
    </SectionCard>
  );
}

export function TicketsCard({ report, tickets }: { report: MeReport; tickets: TicketsSection }) {
  const { t } = useTranslation();
  const sla = tickets.sla;
  return (
    <SectionCard
      id="tickets"
      title={t("meReport.tickets.title")}
      href={ticketsLink(report)}
      linkLabel={t("meReport.open")}
    >
      <Figures>
        <Figure
          label={t("meReport.tickets.opened")}
          value={tickets.opened}
          href={ticketsLink(report)}
          testId="report-tickets-opened"
        />
        <Figure
          label={t("meReport.tickets.closed")}
          value={tickets.closed}
          href={ticketsLink(report, "&status=closed")}
          testId="report-tickets-closed"
        />
        <Figure
          label={t("meReport.tickets.openNow")}
          value={tickets.open_now}
          testId="report-tickets-open-now"
        />
      </Figures>
      <CountTable
        caption={t("meReport.tickets.sla")}
        rows={[
          { key: "fr-met", label: t("meReport.tickets.frMet"), count: sla.first_response_met },
          {
            key: "fr-breached",
            label: t("meReport.tickets.frBreached"),
            count: sla.first_response_breached,
          },
          { key: "res-met", label: t("meReport.tickets.resMet"), count: sla.resolution_met },
          {
            key: "res-breached",
            label: t("meReport.tickets.resBreached"),
            count: sla.resolution_breached,
          },
          {
            key: "at-risk",
            label: t("meReport.tickets.atRisk"),
            count: sla.first_response_at_risk + sla.resolution_at_risk,
            href: ticketsLink(report, "&sla=at_risk"),
          },
        ]}
      />
    </SectionCard>
  );
}
