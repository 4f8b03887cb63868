//! The body of `GET me/report`, built from the modules' own figures and response rows
//! (the scorecard's rows, the aging rows and totals of `ar/my-customers`, the SLA
//! report's lines).

use chrono::NaiveDate;
use domain::{
    crm::{ActivityType, LeadStatus},
    me_report::{LeadOwnership, ReportSection},
    money::{cents_text, text_cents},
};
use persistence::me_report::{ActivityFigures, LeadFigures, MeReport, TaskFigures, TicketFigures};
use serde::Serialize;
use utoipa::ToSchema;

use crate::api::{
    ar::{aging_body, AgingRow},
    kpi::{scorecard_body, ScoreRow},
    tickets::{totals, SlaReportLine},
};

/// `GET me/report`: a section is `null` where the role does not have its module.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeReportBody {
    /// `2026-11`.
    pub period: String,
    /// The month's first and last day.
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The day AR is reported as of (the month's end, today while it runs).
    pub as_of: NaiveDate,
    /// The sections this report has, in display order.
    pub sections: Vec<ReportSection>,
    pub leads: Option<LeadsSection>,
    pub activities: Option<ActivitiesSection>,
    pub tasks: Option<TasksSection>,
    pub tickets: Option<TicketsSection>,
    pub targets: Option<TargetsSection>,
    pub ar: Option<ArSection>,
}

/// Leads I own created in the month (`GET leads?owner=me&from&to`; marketing:
/// `marketing_owner=me`).
#[derive(Debug, Serialize, ToSchema)]
pub struct LeadsSection {
    pub ownership: LeadOwnership,
    pub total: i64,
    /// Every status, zeros included.
    pub by_status: Vec<LeadStatusCount>,
    /// The channels with at least one lead.
    pub by_channel: Vec<LeadChannelCount>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LeadStatusCount {
    pub status: LeadStatus,
    pub count: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LeadChannelCount {
    pub channel: String,
    pub name: String,
    pub count: i64,
}

/// My activities dated in the month (`GET activities?owner=me&from&to`).
#[derive(Debug, Serialize, ToSchema)]
pub struct ActivitiesSection {
    pub total: i64,
    /// Every logged type, zeros included.
    pub by_type: Vec<ActivityTypeCount>,
    /// The application's own entries (stage changes, RFQs): `type=system`.
    pub system: i64,
    /// Visits dated up to `as_of` (later ones are planned).
    pub visits_done: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ActivityTypeCount {
    pub activity_type: ActivityType,
    pub count: i64,
}

/// My tasks (`GET tasks?owner=me&…`).
#[derive(Debug, Serialize, ToSchema)]
pub struct TasksSection {
    /// Open now (`status=open`).
    pub open: i64,
    /// Open and past due now (`overdue=true`).
    pub overdue: i64,
    /// Open and due in the month (`status=open&due_from&due_to`).
    pub due: i64,
    /// Done, of the tasks due in the month (`status=done&due_from&due_to`).
    pub done: i64,
}

/// Tickets assigned to me.
#[derive(Debug, Serialize, ToSchema)]
pub struct TicketsSection {
    /// Opened in the month (`GET tickets?assigned_to=me&from&to`).
    pub opened: i64,
    /// Of those, closed now (`…&status=closed`).
    pub closed: i64,
    /// Not closed, whenever opened.
    pub open_now: i64,
    /// The totals line of `GET tickets/sla?assigned_to=me&from&to`.
    pub sla: SlaReportLine,
    /// Its lines per ticket type × priority.
    pub sla_rows: Vec<SlaReportLine>,
}

/// My scorecard for the month: the rows of `GET kpi/scorecard?period` (yourself).
#[derive(Debug, Serialize, ToSchema)]
pub struct TargetsSection {
    pub rows: Vec<ScoreRow>,
}

/// My customers' AR as of `as_of`: what `GET ar/my-customers?as_of` shows.
#[derive(Debug, Serialize, ToSchema)]
pub struct ArSection {
    pub as_of: NaiveDate,
    /// Σ outstanding (the totals row's `total`).
    pub outstanding: String,
    /// Σ of the overdue buckets (1–30, 31–60, 61–90, > 90 days).
    pub overdue: String,
    pub customers: Vec<AgingRow>,
    pub totals: AgingRow,
}

impl From<MeReport> for MeReportBody {
    fn from(r: MeReport) -> Self {
        let as_of = r.as_of;
        Self {
            period: r.period.label(),
            from: r.period.start,
            to: r.period.end,
            as_of,
            sections: r.sections,
            leads: r.leads.map(Into::into),
            activities: r.activities.map(Into::into),
            tasks: r.tasks.map(Into::into),
            tickets: r.tickets.map(Into::into),
            targets: r.targets.map(|card| TargetsSection {
                rows: scorecard_body(&card).rows,
            }),
            ar: r.ar.map(|rows| ArSection::new(as_of, rows)),
        }
    }
}

impl From<LeadFigures> for LeadsSection {
    fn from(f: LeadFigures) -> Self {
        Self {
            ownership: f.ownership,
            total: f.total,
            by_status: f
                .by_status
                .into_iter()
                .map(|(status, count)| LeadStatusCount { status, count })
                .collect(),
            by_channel: f
                .by_channel
                .into_iter()
                .map(|c| LeadChannelCount {
                    channel: c.code,
                    name: c.name,
                    count: c.count,
                })
                .collect(),
        }
    }
}

impl From<ActivityFigures> for ActivitiesSection {
    fn from(f: ActivityFigures) -> Self {
        Self {
            total: f.total,
            by_type: f
                .by_type
                .into_iter()
                .map(|(activity_type, count)| ActivityTypeCount {
                    activity_type,
                    count,
                })
                .collect(),
            system: f.system,
            visits_done: f.visits_done,
        }
    }
}

impl From<TaskFigures> for TasksSection {
    fn from(f: TaskFigures) -> Self {
        Self {
            open: f.open,
            overdue: f.overdue,
            due: f.due,
            done: f.done,
        }
    }
}

impl From<TicketFigures> for TicketsSection {
    fn from(f: TicketFigures) -> Self {
        Self {
            opened: f.opened,
            closed: f.closed,
            open_now: f.open_now,
            sla: totals(&f.sla).into(),
            sla_rows: f.sla.into_iter().map(Into::into).collect(),
        }
    }
}

impl ArSection {
    fn new(as_of: NaiveDate, rows: Vec<persistence::ar::reports::AgingRow>) -> Self {
        let aging = aging_body(rows);
        let t = &aging.totals;
        let overdue: i128 = [&t.d1_30, &t.d31_60, &t.d61_90, &t.d90_plus]
            .into_iter()
            .map(|v| text_cents(v).unwrap_or(0))
            .sum();
        Self {
            as_of,
            outstanding: t.total.clone(),
            overdue: cents_text(overdue),
            customers: aging.data,
            totals: aging.totals,
        }
    }
}
