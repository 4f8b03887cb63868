//! USR-1: the personal report — the caller's own figures for a month, each read through
//! the service of the module it belongs to (the lead, activity, task and ticket lists,
//! the SLA report, the KPI scorecard, the AR aging of "my customers"), under the caller's
//! row-level security. Nothing is counted here that the module's endpoint would not show.

mod crm;
mod tickets;

pub use crm::{ActivityFigures, ChannelCount, LeadFigures, TaskFigures};
pub use tickets::TicketFigures;

use chrono::NaiveDate;
use domain::{
    kpi::{assignee::Assignee, period::Period},
    list::PageRequest,
    me_report::{as_of, sections, ReportSection},
};

use crate::{
    ar::reports::{self, AgingRow},
    kpi::scorecard::{self, Scorecard},
    DbError, Tx, UserPrincipal,
};

/// The caller's report; a section is `None` where the role does not have its module.
#[derive(Debug, Clone)]
pub struct MeReport {
    pub period: Period,
    /// The day AR is reported as of (the period's end, or today while it runs).
    pub as_of: NaiveDate,
    pub sections: Vec<ReportSection>,
    pub leads: Option<LeadFigures>,
    pub activities: Option<ActivityFigures>,
    pub tasks: Option<TaskFigures>,
    pub tickets: Option<TicketFigures>,
    pub targets: Option<Scorecard>,
    /// `ar/my-customers`' aging per customer on `as_of`.
    pub ar: Option<Vec<AgingRow>>,
}

/// One row is enough to read a list's count.
pub(crate) const COUNT_ONLY: PageRequest = PageRequest {
    page: 1,
    per_page: 1,
};

/// The report of `user` for `period`, `today` being the Asia/Jakarta day.
#[tracing::instrument(skip_all, fields(period = %period.label()))]
pub async fn load(
    tx: &mut Tx,
    user: &UserPrincipal,
    period: Period,
    today: NaiveDate,
) -> Result<MeReport, DbError> {
    let sections = sections(user.role);
    let has = |s| sections.contains(&s);
    let as_of = as_of(&period, today);
    let leads = if has(ReportSection::Leads) {
        Some(crm::leads(tx, user, &period).await?)
    } else {
        None
    };
    let activities = if has(ReportSection::Activities) {
        Some(crm::activities(tx, user.id, &period, as_of).await?)
    } else {
        None
    };
    let tasks = if has(ReportSection::Tasks) {
        Some(crm::tasks(tx, user.id, &period).await?)
    } else {
        None
    };
    let tickets = if has(ReportSection::Tickets) {
        Some(tickets::figures(tx, user, &period).await?)
    } else {
        None
    };
    let targets = if has(ReportSection::Targets) {
        Some(scorecard::load(tx, Assignee::User(user.id), period, today, 1).await?)
    } else {
        None
    };
    let ar = if has(ReportSection::Ar) {
        Some(reports::aging(tx, as_of, None, true).await?)
    } else {
        None
    };
    Ok(MeReport {
        period,
        as_of,
        sections,
        leads,
        activities,
        tasks,
        tickets,
        targets,
        ar,
    })
}
