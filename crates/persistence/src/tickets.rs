//! Tickets (SPEC §4.3): the queue, a ticket with its messages, SLA events and the AWB's
//! broadcasts, updates, and the RFQs Operations read through the masked view
//! `v_ops_rfqs_masked` (TCK-5).

use chrono::{DateTime, Utc};
use domain::list::PageRequest;
use sqlx::{FromRow, Postgres, QueryBuilder};
use uuid::Uuid;

use crate::{
    list::{contains_pattern, fetch_page, SqlSort},
    DbError, Page, Tx,
};

#[derive(Debug, Clone, FromRow)]
pub struct MaskedRfqRow {
    pub id: Uuid,
    pub ticket_code: String,
    pub status: String,
    pub priority: String,
    pub dept_target: String,
    pub subject: String,
    pub description: String,
    pub rfq: Option<serde_json::Value>,
    pub need_customer_masking: bool,
    pub company_name: Option<String>,
    pub contact_name: Option<String>,
    pub customer_phone: Option<String>,
    pub assigned_to_user_id: Option<Uuid>,
    pub inquiry_outcome: Option<String>,
    pub close_reason: Option<String>,
    pub closed_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

const SELECT_RFQ: &str = "select v.id, v.ticket_code, v.status, v.priority, v.dept_target, v.subject, \
        v.description, v.rfq, v.need_customer_masking, v.company_name, v.contact_name, v.customer_phone, \
        v.assigned_to_user_id, v.inquiry_outcome, v.close_reason, v.closed_at, v.created_at, v.updated_at \
   from v_ops_rfqs_masked v";

pub const RFQ_SORT: &[(&str, &str)] = &[
    ("created_at", "v.created_at"),
    ("ticket_code", "v.ticket_code"),
    ("status", "v.status"),
    ("priority", "v.priority"),
];

#[derive(Debug, Clone, Default)]
pub struct RfqFilter {
    pub q: Option<String>,
    pub status: Vec<String>,
}

fn push_rfq_filter<'a>(query: &mut QueryBuilder<'a, Postgres>, filter: &'a RfqFilter) {
    query.push(" where true");
    if let Some(q) = filter.q.as_deref() {
        query
            .push(" and ((v.subject || ' ' || coalesce(v.rfq::text, '')) ilike ")
            .push_bind(contains_pattern(q))
            .push(" or v.ticket_code = ")
            .push_bind(q.to_uppercase())
            .push(")");
    }
    if !filter.status.is_empty() {
        query
            .push(" and v.status = any(")
            .push_bind(&filter.status)
            .push(")");
    }
}

pub async fn list_masked_rfqs(
    tx: &mut Tx,
    filter: &RfqFilter,
    page: PageRequest,
    sort: &[SqlSort],
) -> Result<Page<MaskedRfqRow>, DbError> {
    fetch_page(
        tx,
        "v_ops_rfqs_masked v",
        SELECT_RFQ,
        |query| push_rfq_filter(query, filter),
        sort,
        ("v.created_at desc, v.id", "v.created_at desc, v.id"),
        page,
    )
    .await
}

pub async fn get_masked_rfq(tx: &mut Tx, id: Uuid) -> Result<MaskedRfqRow, DbError> {
    let sql = format!("{SELECT_RFQ} where v.id = $1");
    Ok(sqlx::query_as(&sql).bind(id).fetch_one(&mut **tx).await?)
}

// ---- the ticket queue and ticket work (TCK-3) ------------------------------------------

#[derive(Debug, Clone, FromRow)]
pub struct TicketRow {
    pub id: Uuid,
    pub ticket_code: String,
    pub ticket_type: String,
    pub priority: String,
    pub status: String,
    pub dept_target: String,
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
    pub source: String,
    pub inquiry_outcome: Option<String>,
    pub close_reason: Option<String>,
    pub closed_at: Option<DateTime<Utc>>,
    pub created_by: Option<Uuid>,
    pub created_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The ticket columns everyone who reads tickets may select, and the identity columns
/// only those allowed to (Operations have no privilege on them: TCK-5).
fn select_ticket(identity: bool) -> String {
    let identity = if identity {
        "t.company_name, t.contact_name, t.customer_phone, t.customer_email::text as customer_email"
    } else {
        "null::text as company_name, null::text as contact_name, null::text as customer_phone, \
         null::text as customer_email"
    };
    format!(
        "select t.id, t.ticket_code, t.ticket_type, t.priority, t.status, t.dept_target, t.subject, \
                t.description, t.tracking_number, {identity}, t.rfq, t.need_customer_masking, \
                t.related_lead_id, t.related_customer_id, t.related_prospect_id, t.assigned_to_user_id, \
                (select a.full_name from profiles a where a.id = t.assigned_to_user_id) as assigned_to_name, \
                t.source, t.inquiry_outcome, t.close_reason, t.closed_at, t.created_by, \
                (select c.full_name from profiles c where c.id = t.created_by) as created_by_name, \
                t.created_at, t.updated_at \
           from tickets t"
    )
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
    /// Read the identity columns (false for Operations).
    pub identity: bool,
}

fn push_ticket_filter<'a>(query: &mut QueryBuilder<'a, Postgres>, filter: &'a TicketFilter) {
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
        "tickets t",
        &select,
        |query| push_ticket_filter(query, filter),
        sort,
        ("t.created_at desc, t.id desc", "t.id desc"),
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
    let seen: bool = sqlx::query_scalar("select exists (select 1 from tickets where id = $1)")
        .bind(id)
        .fetch_one(&mut **tx)
        .await?;
    if seen {
        Ok(())
    } else {
        Err(DbError::NotFound)
    }
}

/// Fields a PATCH may change; `None` leaves a field alone, `Some(None)` clears it.
#[derive(Debug, Clone, Default)]
pub struct TicketPatch {
    pub status: Option<String>,
    pub priority: Option<String>,
    pub assigned_to_user_id: Option<Option<Uuid>>,
    pub close_reason: Option<Option<String>>,
    pub inquiry_outcome: Option<Option<String>>,
}

/// Applies `patch` as the caller (RLS and column privileges decide); NotFound when the
/// ticket is invisible or not theirs to change.
pub async fn update(tx: &mut Tx, id: Uuid, patch: &TicketPatch) -> Result<(), DbError> {
    // Only the columns being changed: Operations may update just these (no updated_at;
    // a trigger sets it).
    let mut query = QueryBuilder::<Postgres>::new("update tickets set ");
    let mut set = query.separated(", ");
    if let Some(status) = &patch.status {
        set.push("status = ").push_bind_unseparated(status);
    }
    if let Some(priority) = &patch.priority {
        set.push("priority = ").push_bind_unseparated(priority);
    }
    if let Some(assignee) = &patch.assigned_to_user_id {
        set.push("assigned_to_user_id = ")
            .push_bind_unseparated(*assignee);
    }
    if let Some(reason) = &patch.close_reason {
        set.push("close_reason = ").push_bind_unseparated(reason);
    }
    if let Some(outcome) = &patch.inquiry_outcome {
        set.push("inquiry_outcome = ")
            .push_bind_unseparated(outcome);
    }
    query.push(" where id = ").push_bind(id);
    let done = query.build().execute(&mut **tx).await?;
    if done.rows_affected() == 0 {
        return Err(DbError::NotFound);
    }
    Ok(())
}

#[derive(Debug, Clone, FromRow)]
pub struct MessageRow {
    pub id: Uuid,
    pub ticket_id: Uuid,
    pub author_user_id: Option<Uuid>,
    pub author_name: Option<String>,
    pub comment_text: String,
    pub is_internal_note: bool,
    pub created_at: DateTime<Utc>,
}

const SELECT_MESSAGE: &str = "select m.id, m.ticket_id, m.author_user_id, \
        (select p.full_name from profiles p where p.id = m.author_user_id) as author_name, \
        m.comment_text, m.is_internal_note, m.created_at \
   from ticket_messages m";

pub async fn messages(tx: &mut Tx, ticket: Uuid) -> Result<Vec<MessageRow>, DbError> {
    let sql = format!("{SELECT_MESSAGE} where m.ticket_id = $1 order by m.created_at, m.id");
    Ok(sqlx::query_as(&sql)
        .bind(ticket)
        .fetch_all(&mut **tx)
        .await?)
}

pub async fn add_message(
    tx: &mut Tx,
    ticket: Uuid,
    author: Uuid,
    text: &str,
    internal: bool,
) -> Result<MessageRow, DbError> {
    let id: Uuid = sqlx::query_scalar(
        "insert into ticket_messages (ticket_id, author_user_id, comment_text, is_internal_note) \
         values ($1, $2, $3, $4) returning id",
    )
    .bind(ticket)
    .bind(author)
    .bind(text)
    .bind(internal)
    .fetch_one(&mut **tx)
    .await?;
    let sql = format!("{SELECT_MESSAGE} where m.id = $1");
    Ok(sqlx::query_as(&sql).bind(id).fetch_one(&mut **tx).await?)
}

#[derive(Debug, Clone, FromRow)]
pub struct SlaEventRow {
    pub event_type: String,
    pub from_value: Option<String>,
    pub to_value: Option<String>,
    pub actor_user_id: Option<Uuid>,
    pub actor_name: Option<String>,
    pub occurred_at: DateTime<Utc>,
}

pub async fn sla_events(tx: &mut Tx, ticket: Uuid) -> Result<Vec<SlaEventRow>, DbError> {
    Ok(sqlx::query_as(
        "select e.event_type, e.from_value, e.to_value, e.actor_user_id, \
                (select p.full_name from profiles p where p.id = e.actor_user_id) as actor_name, \
                e.occurred_at \
           from sla_events e where e.ticket_id = $1 order by e.occurred_at, e.id",
    )
    .bind(ticket)
    .fetch_all(&mut **tx)
    .await?)
}

#[derive(Debug, Clone, FromRow)]
pub struct BroadcastRow {
    pub id: Uuid,
    pub tracking_number: String,
    pub consignee_phone: Option<String>,
    pub status: String,
    pub message_content: Option<String>,
    pub error_message: Option<String>,
    pub broadcast_at: DateTime<Utc>,
}

/// The broadcasts of an AWB, newest first (empty for callers who may not read them).
pub async fn broadcast_history(
    tx: &mut Tx,
    tracking_number: &str,
    limit: i64,
) -> Result<Vec<BroadcastRow>, DbError> {
    Ok(sqlx::query_as(
        "select b.id, b.tracking_number, b.consignee_phone, b.status, b.message_content, \
                b.error_message, b.broadcast_at \
           from broadcast_logs b where b.tracking_number = $1 \
          order by b.broadcast_at desc, b.id limit $2",
    )
    .bind(tracking_number)
    .bind(limit)
    .fetch_all(&mut **tx)
    .await?)
}

/// Whether `user` is an active account (an assignee must be).
pub async fn is_active_user(tx: &mut Tx, user: Uuid) -> Result<bool, DbError> {
    let active: Option<bool> = sqlx::query_scalar("select is_active from profiles where id = $1")
        .bind(user)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(active == Some(true))
}

#[derive(Debug, Clone, FromRow)]
pub struct SlaReportRow {
    pub ticket_type: String,
    pub priority: String,
    pub tickets: i64,
    pub first_response_met: i64,
    pub first_response_breached: i64,
    pub first_response_at_risk: i64,
    pub resolution_met: i64,
    pub resolution_breached: i64,
    pub resolution_at_risk: i64,
}

/// TCK-4 report: SLA outcomes per ticket type × priority over the tickets opened in
/// [from, to] (Asia/Jakarta days) that the caller may see.
pub async fn sla_report(
    tx: &mut Tx,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Result<Vec<SlaReportRow>, DbError> {
    Ok(sqlx::query_as(
        "select s.ticket_type, s.priority, count(*) as tickets, \
                count(*) filter (where s.first_response_state = 'met') as first_response_met, \
                count(*) filter (where s.first_response_state = 'breached') as first_response_breached, \
                count(*) filter (where s.first_response_state = 'at_risk') as first_response_at_risk, \
                count(*) filter (where s.resolution_state = 'met') as resolution_met, \
                count(*) filter (where s.resolution_state = 'breached') as resolution_breached, \
                count(*) filter (where s.resolution_state = 'at_risk') as resolution_at_risk \
           from v_ticket_sla s \
          where s.created_at >= ($1::date::timestamp at time zone 'Asia/Jakarta') \
            and s.created_at < (($2::date + 1)::timestamp at time zone 'Asia/Jakarta') \
          group by s.ticket_type, s.priority \
          order by array_position(array['inquiry_tariff','general_request','complaint','shipment_issue'], s.ticket_type), \
                   array_position(array['urgent','high','medium','low'], s.priority)",
    )
    .bind(from)
    .bind(to)
    .fetch_all(&mut **tx)
    .await?)
}

#[derive(Debug, Clone, FromRow)]
pub struct AttachmentRow {
    pub id: Uuid,
    pub file_id: Uuid,
    pub original_name: Option<String>,
    pub content_type: Option<String>,
    pub size_bytes: Option<i64>,
    pub uploaded_by: Option<Uuid>,
    pub uploaded_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

const SELECT_ATTACHMENT: &str = "select a.id, a.file_id, f.original_name, f.content_type, \
        f.size_bytes, a.uploaded_by, \
        (select p.full_name from profiles p where p.id = a.uploaded_by) as uploaded_by_name, \
        a.created_at \
   from ticket_attachments a left join files f on f.id = a.file_id";

pub async fn attachments(tx: &mut Tx, ticket: Uuid) -> Result<Vec<AttachmentRow>, DbError> {
    let sql = format!("{SELECT_ATTACHMENT} where a.ticket_id = $1 order by a.created_at, a.id");
    Ok(sqlx::query_as(&sql)
        .bind(ticket)
        .fetch_all(&mut **tx)
        .await?)
}

/// Attaches a file the caller uploaded to `ticket-attachments` (RLS checks both).
pub async fn add_attachment(
    tx: &mut Tx,
    ticket: Uuid,
    file: Uuid,
    by: Uuid,
) -> Result<AttachmentRow, DbError> {
    let id: Uuid = sqlx::query_scalar(
        "insert into ticket_attachments (ticket_id, file_id, uploaded_by) values ($1, $2, $3) \
         returning id",
    )
    .bind(ticket)
    .bind(file)
    .bind(by)
    .fetch_one(&mut **tx)
    .await?;
    let sql = format!("{SELECT_ATTACHMENT} where a.id = $1");
    Ok(sqlx::query_as(&sql).bind(id).fetch_one(&mut **tx).await?)
}
