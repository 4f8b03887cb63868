//! The ticket queue as an export (EXP-1): the queue's filter and order, every row, read
//! as a stream, with the SLA states the queue's drill-down filters on.

use chrono::{DateTime, Utc};
use domain::{
    tickets::{InquiryOutcome, SlaState, TicketPriority, TicketSource, TicketStatus, TicketType},
    Department,
};
use sqlx::FromRow;

use super::{push_ticket_filter, TicketFilter, TICKET_TIEBREAK};
use crate::{
    list::{Export, SqlSort},
    Stored,
};

#[derive(Debug, Clone, FromRow)]
pub struct TicketExportRow {
    pub ticket_code: String,
    pub created_at: DateTime<Utc>,
    pub ticket_type: Stored<TicketType>,
    pub priority: Stored<TicketPriority>,
    pub status: Stored<TicketStatus>,
    pub dept_target: Stored<Department>,
    pub subject: String,
    pub tracking_number: Option<String>,
    /// `None` for callers without the identity columns (Operations).
    pub company_name: Option<String>,
    pub contact_name: Option<String>,
    pub customer_phone: Option<String>,
    pub customer_email: Option<String>,
    pub assigned_to_name: Option<String>,
    pub source: Stored<TicketSource>,
    /// `None` when no SLA policy covers the ticket's type and priority.
    pub first_response_state: Option<Stored<SlaState>>,
    pub resolution_state: Option<Stored<SlaState>>,
    pub first_response_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub inquiry_outcome: Option<Stored<InquiryOutcome>>,
    pub close_reason: Option<String>,
    pub created_by_name: Option<String>,
    pub updated_at: DateTime<Utc>,
    pub description: String,
}

fn select(identity: bool) -> String {
    let from = super::queue::ticket_source(identity);
    let identity = if identity {
        "t.company_name, t.contact_name, t.customer_phone, t.customer_email::text as customer_email"
    } else {
        "null::text as company_name, null::text as contact_name, null::text as customer_phone, \
         null::text as customer_email"
    };
    format!(
        "select t.ticket_code, t.created_at, t.ticket_type, t.priority, t.status, t.dept_target, \
                t.subject, t.tracking_number, {identity}, \
                (select a.full_name from profiles a where a.id = t.assigned_to_user_id) as assigned_to_name, \
                t.source, s.first_response_state, s.resolution_state, t.first_response_at, \
                t.closed_at, t.inquiry_outcome, t.close_reason, \
                (select c.full_name from profiles c where c.id = t.created_by) as created_by_name, \
                t.updated_at, t.description \
           from {from} \
           left join v_ticket_sla s on s.ticket_id = t.id"
    )
}

/// The tickets of [`super::list`] for `filter` and `sort`, all pages, at most `limit`.
pub fn export<'a>(
    filter: &'a TicketFilter,
    sort: &[SqlSort],
    limit: i64,
) -> Export<'a, TicketExportRow> {
    Export::new(
        &select(filter.identity),
        |query| push_ticket_filter(query, filter),
        sort,
        TICKET_TIEBREAK,
        limit,
    )
}
