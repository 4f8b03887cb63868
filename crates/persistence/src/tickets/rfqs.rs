//! The RFQs Operations read through the masked view `v_ops_rfqs_masked` (TCK-5): the
//! customer masked, every text redacted of the customer's identifiers, phones and e-mails.

use chrono::{DateTime, Utc};
use domain::list::PageRequest;
use domain::{
    tickets::{InquiryOutcome, TicketPriority, TicketStatus},
    Department,
};
use sqlx::{FromRow, Postgres, QueryBuilder};
use uuid::Uuid;

use crate::{
    list::{contains_pattern, fetch_page, SqlSort},
    DbError, Page, Stored, Tx,
};

#[derive(Debug, Clone, FromRow)]
pub struct MaskedRfqRow {
    pub id: Uuid,
    pub ticket_code: String,
    pub status: Stored<TicketStatus>,
    pub priority: Stored<TicketPriority>,
    pub dept_target: Stored<Department>,
    pub subject: String,
    pub description: String,
    pub rfq: Option<serde_json::Value>,
    pub need_customer_masking: bool,
    pub company_name: Option<String>,
    pub contact_name: Option<String>,
    pub customer_phone: Option<String>,
    pub assigned_to_user_id: Option<Uuid>,
    pub inquiry_outcome: Option<Stored<InquiryOutcome>>,
    pub close_reason: Option<String>,
    pub closed_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

pub(super) const SELECT_RFQ: &str = "select v.id, v.ticket_code, v.status, v.priority, v.dept_target, v.subject, \
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

pub(super) fn push_rfq_filter<'a>(query: &mut QueryBuilder<'a, Postgres>, filter: &'a RfqFilter) {
    query.push(" where true");
    if let Some(q) = filter.q.as_deref() {
        // The view's text is already redacted: a search for the customer finds nothing.
        query
            .push(" and ((v.subject || ' ' || v.description || ' ' || coalesce(v.rfq::text, '')) ilike ")
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
    Ok(sqlx::query_as!(
        MaskedRfqRow,
        r#"select v.id as "id!", v.ticket_code as "ticket_code!", v.status as "status!: Stored<TicketStatus>", v.priority as "priority!: Stored<TicketPriority>", v.dept_target as "dept_target!: Stored<Department>", v.subject as "subject!",
        v.description as "description!", v.rfq as "rfq?", v.need_customer_masking as "need_customer_masking!", v.company_name as "company_name?", v.contact_name as "contact_name?", v.customer_phone as "customer_phone?",
        v.assigned_to_user_id as "assigned_to_user_id?", v.inquiry_outcome as "inquiry_outcome?: Stored<InquiryOutcome>", v.close_reason as "close_reason?", v.closed_at as "closed_at?", v.created_at as "created_at!", v.updated_at as "updated_at!"
   from v_ops_rfqs_masked v where v.id = $1"#,
        id,
    ).fetch_one(&mut **tx).await?)
}
