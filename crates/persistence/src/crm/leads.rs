//! Leads (CRM-6 lists, soft delete and restore; CRM-1 reads).

use chrono::{DateTime, NaiveDate, Utc};
use domain::{
    crm::{LeadStatus, PhoneE164, Stage},
    list::PageRequest,
    Email,
};
use sqlx::{FromRow, Postgres, QueryBuilder};
use uuid::Uuid;

use crate::{
    list::{contains_pattern, fetch_page, push_day_range, Export, SqlSort},
    DbError, Normalised, Page, Stored, Tx,
};

#[derive(Debug, Clone, FromRow)]
pub struct LeadRow {
    pub id: Uuid,
    pub lead_code: String,
    pub status: Stored<LeadStatus>,
    pub channel: String,
    pub channel_name: Option<String>,
    pub utm_source: Option<String>,
    pub utm_medium: Option<String>,
    pub utm_campaign: Option<String>,
    pub company_name: Option<String>,
    pub contact_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub npwp: Option<String>,
    pub service_interest: Option<String>,
    pub notes: String,
    pub need_rfq: bool,
    pub rfq: Option<serde_json::Value>,
    pub customer_id: Uuid,
    pub customer_code: Option<String>,
    pub customer_name: Option<String>,
    pub prospect_id: Uuid,
    pub prospect_code: Option<String>,
    pub stage: Option<Stored<Stage>>,
    pub ticket_id: Option<Uuid>,
    pub ticket_code: Option<String>,
    pub matched_on: Option<String>,
    pub marketing_owner_user_id: Option<Uuid>,
    pub marketing_owner_name: Option<String>,
    pub sales_owner_user_id: Option<Uuid>,
    pub sales_owner_name: Option<String>,
    pub assigned_at: Option<DateTime<Utc>>,
    pub created_by: Option<Uuid>,
    pub created_by_name: Option<String>,
    pub deleted_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Names and codes of the lead's neighbours come from scalar subqueries rather than joins:
/// every joined table brings its RLS policies into the join search, and with seven of
/// them planning alone took ~24 ms per request (plans are redone per role); two joins
/// plan in under 1 ms. The subqueries see the same rows the joins would (RLS applies).
const SELECT_LEAD: &str = "select l.id, l.lead_code, l.status, l.channel, \
        (select ch.name from channels ch where ch.code = l.channel) as channel_name, \
        l.utm_source, l.utm_medium, l.utm_campaign, l.company_name, l.contact_name, \
        l.email::text as email, l.phone, l.npwp, l.service_interest, l.notes, l.need_rfq, l.rfq, \
        l.customer_id, c.customer_code, c.company_name as customer_name, l.prospect_id, \
        p.prospect_code, p.stage, l.ticket_id, \
        (select t.ticket_code from tickets t where t.id = l.ticket_id) as ticket_code, l.matched_on, \
        l.marketing_owner_user_id, \
        (select mo.full_name from profiles mo where mo.id = l.marketing_owner_user_id) as marketing_owner_name, \
        l.sales_owner_user_id, \
        (select so.full_name from profiles so where so.id = l.sales_owner_user_id) as sales_owner_name, \
        l.assigned_at, l.created_by, \
        (select cb.full_name from profiles cb where cb.id = l.created_by) as created_by_name, \
        l.deleted_at, l.created_at, l.updated_at \
   from leads l \
   left join customers c on c.id = l.customer_id \
   left join prospects p on p.id = l.prospect_id";

/// Public sort fields of the lead list and the columns they order by.
pub const SORT: &[(&str, &str)] = &[
    ("created_at", "l.created_at"),
    ("lead_code", "l.lead_code"),
    ("company_name", "l.company_name"),
    ("contact_name", "l.contact_name"),
    ("status", "l.status"),
    ("channel", "l.channel"),
    ("updated_at", "l.updated_at"),
];

#[derive(Debug, Clone, Default)]
pub struct LeadFilter {
    /// Text over company, contact, e-mail and phone; also an exact lead code.
    pub q: Option<String>,
    /// The same text as an E.164 phone number, when it reads as one.
    pub q_phone: Option<String>,
    pub status: Vec<String>,
    pub channel: Vec<String>,
    pub sales_owner_user_id: Option<Uuid>,
    pub marketing_owner_user_id: Option<Uuid>,
    /// `true`: only leads nobody was assigned yet; `false`: only assigned ones.
    pub unassigned: Option<bool>,
    pub customer_id: Option<Uuid>,
    pub prospect_id: Option<Uuid>,
    pub need_rfq: Option<bool>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// `true`: the soft-deleted leads (restore view); otherwise the live ones.
    pub deleted: bool,
}

fn push_filter<'a>(query: &mut QueryBuilder<'a, Postgres>, filter: &'a LeadFilter) {
    query.push(if filter.deleted {
        " where l.deleted_at is not null"
    } else {
        " where l.deleted_at is null"
    });
    if let Some(q) = filter.q.as_deref() {
        query
            .push(
                " and ((coalesce(l.company_name, '') || ' ' || l.contact_name || ' ' || \
                 coalesce(l.email::text, '') || ' ' || coalesce(l.phone, '')) ilike ",
            )
            .push_bind(contains_pattern(q))
            .push(" or l.lead_code = ")
            .push_bind(q.to_uppercase());
        if let Some(phone) = filter.q_phone.as_deref() {
            query.push(" or l.phone = ").push_bind(phone);
        }
        query.push(")");
    }
    if !filter.status.is_empty() {
        query
            .push(" and l.status = any(")
            .push_bind(&filter.status)
            .push(")");
    }
    if !filter.channel.is_empty() {
        query
            .push(" and l.channel = any(")
            .push_bind(&filter.channel)
            .push(")");
    }
    if let Some(owner) = filter.sales_owner_user_id {
        query.push(" and l.sales_owner_user_id = ").push_bind(owner);
    }
    if let Some(owner) = filter.marketing_owner_user_id {
        query
            .push(" and l.marketing_owner_user_id = ")
            .push_bind(owner);
    }
    match filter.unassigned {
        Some(true) => {
            query.push(" and l.sales_owner_user_id is null");
        }
        Some(false) => {
            query.push(" and l.sales_owner_user_id is not null");
        }
        None => {}
    }
    if let Some(customer) = filter.customer_id {
        query.push(" and l.customer_id = ").push_bind(customer);
    }
    if let Some(prospect) = filter.prospect_id {
        query.push(" and l.prospect_id = ").push_bind(prospect);
    }
    if let Some(need_rfq) = filter.need_rfq {
        query.push(" and l.need_rfq = ").push_bind(need_rfq);
    }
    push_day_range(query, "l.created_at", filter.from, filter.to);
}

pub async fn list(
    tx: &mut Tx,
    filter: &LeadFilter,
    page: PageRequest,
    sort: &[SqlSort],
) -> Result<Page<LeadRow>, DbError> {
    fetch_page(
        tx,
        "leads l",
        SELECT_LEAD,
        |query| push_filter(query, filter),
        sort,
        ("l.created_at desc, l.id desc", "l.id desc"),
        page,
    )
    .await
}

/// Every row matching `filter` for an export, in the list's order, at most `limit` (EXP-1).
pub fn export<'a>(filter: &'a LeadFilter, sort: &[SqlSort], limit: i64) -> Export<'a, LeadRow> {
    Export::new(
        SELECT_LEAD,
        |query| push_filter(query, filter),
        sort,
        ("l.created_at desc, l.id desc", "l.id desc"),
        limit,
    )
}

/// A lead by id, deleted or not; [`DbError::NotFound`] when invisible to the caller.
pub async fn get(tx: &mut Tx, id: Uuid) -> Result<LeadRow, DbError> {
    Ok(sqlx::query_as!(
        LeadRow,
        r#"select l.id as "id!", l.lead_code as "lead_code!", l.status as "status!: Stored<LeadStatus>", l.channel as "channel!",
        (select ch.name from channels ch where ch.code = l.channel) as "channel_name?",
        l.utm_source as "utm_source?", l.utm_medium as "utm_medium?", l.utm_campaign as "utm_campaign?", l.company_name as "company_name?", l.contact_name as "contact_name!",
        l.email::text as "email?", l.phone as "phone?", l.npwp as "npwp?", l.service_interest as "service_interest?", l.notes as "notes!", l.need_rfq as "need_rfq!", l.rfq as "rfq?",
        l.customer_id as "customer_id!", c.customer_code as "customer_code?", c.company_name as "customer_name?", l.prospect_id as "prospect_id!",
        p.prospect_code as "prospect_code?", p.stage as "stage?: Stored<Stage>", l.ticket_id as "ticket_id?",
        (select t.ticket_code from tickets t where t.id = l.ticket_id) as "ticket_code?", l.matched_on as "matched_on?",
        l.marketing_owner_user_id as "marketing_owner_user_id?",
        (select mo.full_name from profiles mo where mo.id = l.marketing_owner_user_id) as "marketing_owner_name?",
        l.sales_owner_user_id as "sales_owner_user_id?",
        (select so.full_name from profiles so where so.id = l.sales_owner_user_id) as "sales_owner_name?",
        l.assigned_at as "assigned_at?", l.created_by as "created_by?",
        (select cb.full_name from profiles cb where cb.id = l.created_by) as "created_by_name?",
        l.deleted_at as "deleted_at?", l.created_at as "created_at!", l.updated_at as "updated_at!"
   from leads l
   left join customers c on c.id = l.customer_id
   left join prospects p on p.id = l.prospect_id where l.id = $1"#,
        id,
    ).fetch_one(&mut **tx).await?)
}

/// Editable fields; `None` leaves a field alone, `Some(None)` clears it.
#[derive(Debug, Clone, Default)]
pub struct LeadChanges {
    pub status: Option<LeadStatus>,
    pub channel_raw: Option<String>,
    pub company_name: Option<Option<String>>,
    pub contact_name: Option<String>,
    pub email: Option<Option<Email>>,
    pub phone: Option<Option<PhoneE164>>,
    pub service_interest: Option<Option<String>>,
    pub notes: Option<String>,
    pub utm_source: Option<Option<String>>,
    pub utm_medium: Option<Option<String>>,
    pub utm_campaign: Option<Option<String>>,
}

/// Applies `changes` to a live lead; [`DbError::NotFound`] when the caller cannot see or
/// change it.
pub async fn update(tx: &mut Tx, id: Uuid, changes: &LeadChanges) -> Result<LeadRow, DbError> {
    let mut query = QueryBuilder::<Postgres>::new("update leads set updated_at = now()");
    if let Some(v) = &changes.status {
        query.push(", status = ").push_bind(Stored(*v));
    }
    if let Some(v) = &changes.channel_raw {
        query
            .push(", channel = app.resolve_channel(")
            .push_bind(v.clone())
            .push("), channel_raw = ")
            .push_bind(v);
    }
    if let Some(v) = &changes.company_name {
        query.push(", company_name = ").push_bind(v);
    }
    if let Some(v) = &changes.contact_name {
        query.push(", contact_name = ").push_bind(v);
    }
    if let Some(v) = &changes.email {
        query
            .push(", email = ")
            .push_bind(v.as_ref().map(Normalised));
    }
    if let Some(v) = &changes.phone {
        query
            .push(", phone = ")
            .push_bind(v.as_ref().map(Normalised));
    }
    if let Some(v) = &changes.service_interest {
        query.push(", service_interest = ").push_bind(v);
    }
    if let Some(v) = &changes.notes {
        query.push(", notes = ").push_bind(v);
    }
    if let Some(v) = &changes.utm_source {
        query.push(", utm_source = ").push_bind(v);
    }
    if let Some(v) = &changes.utm_medium {
        query.push(", utm_medium = ").push_bind(v);
    }
    if let Some(v) = &changes.utm_campaign {
        query.push(", utm_campaign = ").push_bind(v);
    }
    query
        .push(" where id = ")
        .push_bind(id)
        .push(" and deleted_at is null returning id");
    let updated: Option<Uuid> = query.build_query_scalar().fetch_optional(&mut **tx).await?;
    get(tx, updated.ok_or(DbError::NotFound)?).await
}

/// Soft delete (`deleted = true`) or restore; [`DbError::NotFound`] when the caller cannot
/// change the lead or it is already in that state.
pub async fn set_deleted(tx: &mut Tx, id: Uuid, deleted: bool, by: Uuid) -> Result<(), DbError> {
    let sql = if deleted {
        "update leads set deleted_at = now(), deleted_by = $2 where id = $1 and deleted_at is null"
    } else {
        "update leads set deleted_at = null, deleted_by = null where id = $1 and deleted_at is not null \
           and $2::uuid is not null"
    };
    let result = sqlx::query(sql)
        .bind(id)
        .bind(by)
        .execute(&mut **tx)
        .await?;
    if result.rows_affected() == 0 {
        return Err(DbError::NotFound);
    }
    Ok(())
}
