//! The ticket queue and one ticket, as the caller's row-level security shows them.

use chrono::{DateTime, Utc};
use domain::{
    list::PageRequest,
    tickets::{InquiryOutcome, TicketPriority, TicketSource, TicketStatus, TicketType},
    Department,
};
use sqlx::{FromRow, Postgres, QueryBuilder};
use uuid::Uuid;

use crate::{
    list::{contains_pattern, fetch_page, SqlSort},
    DbError, Page, Stored, Tx,
};

#[derive(Debug, Clone, FromRow)]
pub struct TicketRow {
    pub id: Uuid,
    pub ticket_code: String,
    pub ticket_type: Stored<TicketType>,
    pub priority: Stored<TicketPriority>,
    pub status: Stored<TicketStatus>,
    pub dept_target: Stored<Department>,
    pub subject: String,
    pub description: String,
    pub tracking_number: Option<String>,
    /// `None` for callers without the identity columns (Operations).
    pub company_name: Option<String>,
    pub contact_name: Option<String>,
    pub customer_phone: Option<String>,
    pub customer_email: Option<String>,
    pub rfq: Option<serde_json::Value>,
    pub need_customer_masking: bool,
    pub related_lead_id: Option<Uuid>,
    pub related_customer_id: Option<Uuid>,
    pub related_prospect_id: Option<Uuid>,
    pub assigned_to_user_id: Option<Uuid>,
    pub assigned_to_name: Option<String>,
    pub source: Stored<TicketSource>,
    pub inquiry_outcome: Option<Stored<InquiryOutcome>>,
    pub close_reason: Option<String>,
    pub closed_at: Option<DateTime<Utc>>,
    pub created_by: Option<Uuid>,
    pub created_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The ticket columns everyone who reads tickets may select, from `tickets`; or, for
/// callers without the identity (Operations), from `v_ops_tickets`: free text redacted of
/// the customer's identifiers, no identity, no links to the customer, lead or prospect
/// (TCK-5).
pub(super) fn select_ticket(identity: bool) -> String {
    let (identity_columns, links, from) = if identity {
        (
            "t.company_name, t.contact_name, t.customer_phone, t.customer_email::text as customer_email",
            "t.related_lead_id, t.related_customer_id, t.related_prospect_id",
            TICKETS,
        )
    } else {
        (
            "null::text as company_name, null::text as contact_name, null::text as customer_phone, \
             null::text as customer_email",
            "null::uuid as related_lead_id, null::uuid as related_customer_id, \
             null::uuid as related_prospect_id",
            OPS_TICKETS,
        )
    };
    format!(
        "select t.id, t.ticket_code, t.ticket_type, t.priority, t.status, t.dept_target, t.subject, \
                t.description, t.tracking_number, {identity_columns}, t.rfq, t.need_customer_masking, \
                {links}, t.assigned_to_user_id, \
                (select a.full_name from profiles a where a.id = t.assigned_to_user_id) as assigned_to_name, \
                t.source, t.inquiry_outcome, t.close_reason, t.closed_at, t.created_by, \
                (select c.full_name from profiles c where c.id = t.created_by) as created_by_name, \
                t.created_at, t.updated_at \
           from {from}"
    )
}

/// The tickets as those who may read the customer read them.
pub(super) const TICKETS: &str = "tickets t";
/// The tickets as Operations read them: redacted (TCK-5).
pub(super) const OPS_TICKETS: &str = "v_ops_tickets t";

/// The relation the queue of a caller reads.
pub(super) fn ticket_source(identity: bool) -> &'static str {
    if identity {
        TICKETS
    } else {
        OPS_TICKETS
    }
}

pub const TICKET_SORT: &[(&str, &str)] = &[
    ("created_at", "t.created_at"),
    ("updated_at", "t.updated_at"),
    ("ticket_code", "t.ticket_code"),
    ("status", "t.status"),
    (
        "priority",
        "array_position(array['low','medium','high','urgent'], t.priority)",
    ),
];

/// The queue's order without a sort, and after one.
pub(super) const TICKET_TIEBREAK: (&str, &str) = ("t.created_at desc, t.id desc", "t.id desc");

/// Who the queue is about: `assigned_to=me`, `unassigned` or a user id.
#[derive(Debug, Clone, Copy)]
pub enum Assignee {
    User(Uuid),
    Unassigned,
    /// The unassigned queue of one department (what a CS agent or Operations picks from).
    UnassignedIn(&'static str),
}

#[derive(Debug, Clone, Default)]
pub struct TicketFilter {
    pub status: Vec<String>,
    pub priority: Vec<String>,
    pub ticket_type: Vec<String>,
    pub dept: Vec<String>,
    pub assigned: Option<Assignee>,
    /// Text over code, subject, AWB (and, for those who may read them, the customer).
    pub q: Option<String>,
    pub tracking_number: Option<String>,
    /// SLA drill-down: `met`, `breached`, `at_risk` (first response or resolution).
    pub sla_state: Option<String>,
    /// Opened on or after / on or before these Jakarta days.
    pub from: Option<chrono::NaiveDate>,
    pub to: Option<chrono::NaiveDate>,
    /// Closed on or after / on or before these Jakarta days (what "closed today" counts).
    pub closed_from: Option<chrono::NaiveDate>,
    pub closed_to: Option<chrono::NaiveDate>,
    /// Only tickets nobody has answered yet (no first response).
    pub unanswered: bool,
    /// Read the identity columns (false for Operations).
    pub identity: bool,
}

pub(super) fn push_ticket_filter<'a>(
    query: &mut QueryBuilder<'a, Postgres>,
    filter: &'a TicketFilter,
) {
    query.push(" where true");
    for (column, values) in [
        ("t.status", &filter.status),
        ("t.priority", &filter.priority),
        ("t.ticket_type", &filter.ticket_type),
        ("t.dept_target", &filter.dept),
    ] {
        if !values.is_empty() {
            query
                .push(format!(" and {column} = any("))
                .push_bind(values)
                .push(")");
        }
    }
    match filter.assigned {
        Some(Assignee::User(id)) => {
            query.push(" and t.assigned_to_user_id = ").push_bind(id);
        }
        Some(Assignee::Unassigned) => {
            query.push(" and t.assigned_to_user_id is null");
        }
        Some(Assignee::UnassignedIn(dept)) => {
            query
                .push(" and t.assigned_to_user_id is null and t.dept_target = ")
                .push_bind(dept);
        }
        None => {}
    }
    if let Some(awb) = filter.tracking_number.as_deref() {
        query.push(" and t.tracking_number = ").push_bind(awb);
    }
    if let Some(state) = filter.sla_state.as_deref() {
        query
            .push(
                " and exists (select 1 from v_ticket_sla s where s.ticket_id = t.id \
                   and (s.first_response_state = ",
            )
            .push_bind(state)
            .push(" or s.resolution_state = ")
            .push_bind(state)
            .push("))");
    }
    crate::list::push_day_range(query, "t.created_at", filter.from, filter.to);
    crate::list::push_day_range(query, "t.closed_at", filter.closed_from, filter.closed_to);
    if filter.unanswered {
        query.push(" and t.first_response_at is null");
    }
    if let Some(q) = filter.q.as_deref() {
        let text = if filter.identity {
            "(t.subject || ' ' || coalesce(t.tracking_number, '') || ' ' || \
             coalesce(t.company_name, '') || ' ' || coalesce(t.contact_name, '') || ' ' || \
             coalesce(t.customer_phone, ''))"
        } else {
            "(t.subject || ' ' || coalesce(t.tracking_number, ''))"
        };
        query
            .push(format!(" and ({text} ilike "))
            .push_bind(contains_pattern(q))
            .push(" or t.ticket_code = ")
            .push_bind(q.to_uppercase())
            .push(")");
    }
}

pub async fn list(
    tx: &mut Tx,
    filter: &TicketFilter,
    page: PageRequest,
    sort: &[SqlSort],
) -> Result<Page<TicketRow>, DbError> {
    let select = select_ticket(filter.identity);
    fetch_page(
        tx,
        ticket_source(filter.identity),
        &select,
        |query| push_ticket_filter(query, filter),
        sort,
        TICKET_TIEBREAK,
        page,
    )
    .await
}

/// A ticket the caller may see; [`DbError::NotFound`] otherwise.
pub async fn get(tx: &mut Tx, id: Uuid, identity: bool) -> Result<TicketRow, DbError> {
    let sql = format!("{} where t.id = $1", select_ticket(identity));
    sqlx::query_as(&sql)
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(DbError::NotFound)
}

/// Whether the caller may see ticket `id` (their RLS decides); [`DbError::NotFound`]
/// otherwise, so a forbidden ticket reads as absent.
pub async fn visible(tx: &mut Tx, id: Uuid) -> Result<(), DbError> {
    let seen = sqlx::query_scalar!(
        r#"select exists (select 1 from tickets where id = $1) as "seen!""#,
        id,
    )
    .fetch_one(&mut **tx)
    .await?;
    if seen {
        Ok(())
    } else {
        Err(DbError::NotFound)
    }
}
