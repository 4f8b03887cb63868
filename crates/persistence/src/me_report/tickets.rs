//! The ticket section of the personal report: the tickets assigned to me, counted by the
//! ticket queue's own filter, and their SLA by the SLA report's own definitions
//! (`v_ticket_sla`).

use domain::{kpi::period::Period, tickets::TicketStatus};

use super::COUNT_ONLY;
use crate::{
    tickets::{self, sla_report_of, Assignee, SlaReportRow, TicketFilter},
    DbError, Tx, UserPrincipal,
};

/// Tickets assigned to me.
#[derive(Debug, Clone)]
pub struct TicketFigures {
    /// Opened in the period (`GET tickets?assigned_to=me&from&to`).
    pub opened: i64,
    /// Of those, closed now (`…&status=closed`).
    pub closed: i64,
    /// Not closed, whenever opened (`GET tickets?assigned_to=me&status=<all but closed>`).
    pub open_now: i64,
    /// `GET tickets/sla?assigned_to=me&from&to`, per type × priority.
    pub sla: Vec<SlaReportRow>,
}

/// The statuses of a ticket not closed.
pub fn open_statuses() -> Vec<String> {
    TicketStatus::ALL
        .iter()
        .filter(|s| **s != TicketStatus::Closed)
        .map(|s| s.as_str().to_owned())
        .collect()
}

async fn count(tx: &mut Tx, filter: &TicketFilter) -> Result<i64, DbError> {
    Ok(tickets::list(tx, filter, COUNT_ONLY, &[]).await?.total)
}

pub(super) async fn figures(
    tx: &mut Tx,
    user: &UserPrincipal,
    period: &Period,
) -> Result<TicketFigures, DbError> {
    let mine = TicketFilter {
        assigned: Some(Assignee::User(user.id)),
        identity: domain::tickets::reads_ticket_identity(user.role),
        ..TicketFilter::default()
    };
    let opened = TicketFilter {
        from: Some(period.start),
        to: Some(period.end),
        ..mine.clone()
    };
    let closed = TicketFilter {
        status: vec![TicketStatus::Closed.as_str().to_owned()],
        ..opened.clone()
    };
    let open_now = TicketFilter {
        status: open_statuses(),
        ..mine
    };
    Ok(TicketFigures {
        opened: count(tx, &opened).await?,
        closed: count(tx, &closed).await?,
        open_now: count(tx, &open_now).await?,
        sla: sla_report_of(tx, period.start, period.end, Some(user.id)).await?,
    })
}
