//! Sales activities (CRM-4): calls, visits with evidence, meetings, e-mails, WhatsApp,
//! and the system's own entries.

use chrono::{DateTime, NaiveDate, Utc};
use domain::list::PageRequest;
use sqlx::{FromRow, Postgres, QueryBuilder};
use uuid::Uuid;

use crate::{
    list::{contains_pattern, fetch_page, push_day_range, Export, SqlSort},
    DbError, Page, Tx,
};

#[derive(Debug, Clone, FromRow)]
pub struct ActivityRow {
    pub id: Uuid,
    pub activity_type: String,
    pub subject: String,
    pub notes: String,
    pub customer_id: Uuid,
    pub customer_name: Option<String>,
    pub prospect_id: Option<Uuid>,
    pub lead_id: Option<Uuid>,
    pub owner_user_id: Option<Uuid>,
    pub owner_name: Option<String>,
    pub occurred_at: DateTime<Utc>,
    pub scheduled_at: Option<DateTime<Utc>>,
    pub evidence_file_id: Option<Uuid>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub distance_m: Option<f64>,
    pub next_action: Option<String>,
    pub next_action_at: Option<DateTime<Utc>>,
    pub created_by: Option<Uuid>,
    pub deleted_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

const SELECT_ACTIVITY: &str = "select a.id, a.activity_type, a.subject, a.notes, a.customer_id, \
        c.company_name as customer_name, a.prospect_id, a.lead_id, a.owner_user_id, \
        o.full_name as owner_name, a.occurred_at, a.scheduled_at, a.evidence_file_id, a.latitude, \
        a.longitude, a.distance_m, a.next_action, a.next_action_at, a.created_by, a.deleted_at, \
        a.created_at, a.updated_at \
   from sales_activities a \
   left join customers c on c.id = a.customer_id \
   left join profiles o on o.id = a.owner_user_id";

pub const SORT: &[(&str, &str)] = &[
    ("occurred_at", "a.occurred_at"),
    ("scheduled_at", "a.scheduled_at"),
    ("activity_type", "a.activity_type"),
    ("created_at", "a.created_at"),
];

#[derive(Debug, Clone, Default)]
pub struct ActivityFilter {
    pub q: Option<String>,
    pub activity_type: Vec<String>,
    pub owner_user_id: Option<Uuid>,
    pub customer_id: Option<Uuid>,
    pub prospect_id: Option<Uuid>,
    pub lead_id: Option<Uuid>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Include the system's own entries (stage changes, RFQs); default true.
    pub include_system: bool,
    pub deleted: bool,
}

fn push_filter<'a>(query: &mut QueryBuilder<'a, Postgres>, filter: &'a ActivityFilter) {
    query.push(if filter.deleted {
        " where a.deleted_at is not null"
    } else {
        " where a.deleted_at is null"
    });
    if let Some(q) = filter.q.as_deref() {
        query
            .push(" and (a.subject || ' ' || a.notes) ilike ")
            .push_bind(contains_pattern(q));
    }
    if !filter.activity_type.is_empty() {
        query
            .push(" and a.activity_type = any(")
            .push_bind(&filter.activity_type)
            .push(")");
    }
    if !filter.include_system {
        query.push(" and a.activity_type <> 'system'");
    }
    if let Some(v) = filter.owner_user_id {
        query.push(" and a.owner_user_id = ").push_bind(v);
    }
    if let Some(v) = filter.customer_id {
        query.push(" and a.customer_id = ").push_bind(v);
    }
    if let Some(v) = filter.prospect_id {
        query.push(" and a.prospect_id = ").push_bind(v);
    }
    if let Some(v) = filter.lead_id {
        query.push(" and a.lead_id = ").push_bind(v);
    }
    push_day_range(
        query,
        "coalesce(a.scheduled_at, a.occurred_at)",
        filter.from,
        filter.to,
    );
}

pub async fn list(
    tx: &mut Tx,
    filter: &ActivityFilter,
    page: PageRequest,
    sort: &[SqlSort],
) -> Result<Page<ActivityRow>, DbError> {
    fetch_page(
        tx,
        "sales_activities a",
        SELECT_ACTIVITY,
        |query| push_filter(query, filter),
        sort,
        ("coalesce(a.scheduled_at, a.occurred_at) desc, a.id", "a.id"),
        page,
    )
    .await
}

/// Every row matching `filter` for an export, in the list's order, at most `limit` (EXP-1).
pub fn export<'a>(
    filter: &'a ActivityFilter,
    sort: &[SqlSort],
    limit: i64,
) -> Export<'a, ActivityRow> {
    Export::new(
        SELECT_ACTIVITY,
        |query| push_filter(query, filter),
        sort,
        ("coalesce(a.scheduled_at, a.occurred_at) desc, a.id", "a.id"),
        limit,
    )
}

pub async fn get(tx: &mut Tx, id: Uuid) -> Result<ActivityRow, DbError> {
    Ok(sqlx::query_as!(
        ActivityRow,
        r#"select a.id as "id!", a.activity_type as "activity_type!", a.subject as "subject!", a.notes as "notes!", a.customer_id as "customer_id!",
        c.company_name as "customer_name?", a.prospect_id as "prospect_id?", a.lead_id as "lead_id?", a.owner_user_id as "owner_user_id?",
        o.full_name as "owner_name?", a.occurred_at as "occurred_at!", a.scheduled_at as "scheduled_at?", a.evidence_file_id as "evidence_file_id?", a.latitude as "latitude?",
        a.longitude as "longitude?", a.distance_m as "distance_m?", a.next_action as "next_action?", a.next_action_at as "next_action_at?", a.created_by as "created_by?", a.deleted_at as "deleted_at?",
        a.created_at as "created_at!", a.updated_at as "updated_at!"
   from sales_activities a
   left join customers c on c.id = a.customer_id
   left join profiles o on o.id = a.owner_user_id where a.id = $1"#,
        id,
    ).fetch_one(&mut **tx).await?)
}

#[derive(Debug, Clone)]
pub struct NewActivity {
    pub activity_type: String,
    pub subject: String,
    pub notes: String,
    pub customer_id: Uuid,
    pub prospect_id: Option<Uuid>,
    pub lead_id: Option<Uuid>,
    pub owner_user_id: Uuid,
    pub scheduled_at: Option<DateTime<Utc>>,
    pub evidence_file_id: Option<Uuid>,
    pub point: Option<(f64, f64)>,
    pub distance_m: Option<f64>,
    pub next_action: Option<String>,
    pub next_action_at: Option<DateTime<Utc>>,
    pub created_by: Uuid,
}

pub async fn insert(tx: &mut Tx, new: &NewActivity) -> Result<Uuid, DbError> {
    Ok(sqlx::query_scalar!(
        "insert into sales_activities (activity_type, subject, notes, customer_id, prospect_id, lead_id, \
                                       owner_user_id, scheduled_at, evidence_file_id, latitude, \
                                       longitude, distance_m, next_action, next_action_at, created_by) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) returning id",
        new.activity_type,
        new.subject,
        new.notes,
        new.customer_id,
        new.prospect_id,
        new.lead_id,
        new.owner_user_id,
        new.scheduled_at,
        new.evidence_file_id,
        new.point.map(|p| p.0),
        new.point.map(|p| p.1),
        new.distance_m,
        new.next_action,
        new.next_action_at,
        new.created_by,
    )
    .fetch_one(&mut **tx)
    .await?)
}

#[derive(Debug, Clone, Default)]
pub struct ActivityChanges {
    pub subject: Option<String>,
    pub notes: Option<String>,
    pub scheduled_at: Option<Option<DateTime<Utc>>>,
}

/// Edits a live, hand-logged activity; system entries are the system's record.
pub async fn update(
    tx: &mut Tx,
    id: Uuid,
    changes: &ActivityChanges,
) -> Result<ActivityRow, DbError> {
    let mut query = QueryBuilder::<Postgres>::new("update sales_activities set updated_at = now()");
    if let Some(v) = &changes.subject {
        query.push(", subject = ").push_bind(v);
    }
    if let Some(v) = &changes.notes {
        query.push(", notes = ").push_bind(v);
    }
    if let Some(v) = &changes.scheduled_at {
        query.push(", scheduled_at = ").push_bind(*v);
    }
    query
        .push(" where id = ")
        .push_bind(id)
        .push(" and deleted_at is null and activity_type <> 'system' returning id");
    let updated: Option<Uuid> = query.build_query_scalar().fetch_optional(&mut **tx).await?;
    get(tx, updated.ok_or(DbError::NotFound)?).await
}

pub async fn set_deleted(tx: &mut Tx, id: Uuid, deleted: bool) -> Result<(), DbError> {
    let sql = if deleted {
        "update sales_activities set deleted_at = now() \
          where id = $1 and deleted_at is null and activity_type <> 'system'"
    } else {
        "update sales_activities set deleted_at = null where id = $1 and deleted_at is not null"
    };
    let result = sqlx::query(sql).bind(id).execute(&mut **tx).await?;
    if result.rows_affected() == 0 {
        return Err(DbError::NotFound);
    }
    Ok(())
}

/// What an activity is about, resolved from whichever id the request gave, as the caller
/// sees it: (customer, prospect, lead, the customer's coordinates).
#[derive(Debug, Clone, FromRow)]
pub struct Subject {
    pub customer_id: Uuid,
    pub prospect_id: Option<Uuid>,
    pub lead_id: Option<Uuid>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub prospect_owner: Option<Uuid>,
}

pub async fn resolve_subject(
    tx: &mut Tx,
    customer_id: Option<Uuid>,
    prospect_id: Option<Uuid>,
    lead_id: Option<Uuid>,
    owner: Uuid,
) -> Result<Option<Subject>, DbError> {
    Ok(sqlx::query_as!(
        Subject,
        r#"with lead as (select l.customer_id, l.prospect_id, l.id from leads l where l.id = $3),
              named as (select p.customer_id, p.id, p.owner_user_id from prospects p
                         where p.id = coalesce($2, (select prospect_id from lead))),
              customer as (select c.id, c.latitude, c.longitude from customers c
                            where c.id = coalesce($1, (select customer_id from named),
                                                  (select customer_id from lead))
                              and ($1 is null or (select customer_id from named) is null
                                   or (select customer_id from named) = $1)),
              prospect as (select id, owner_user_id from named
                           union all
                           select p.id, p.owner_user_id from prospects p
                            where not exists (select 1 from named)
                              and p.customer_id = (select id from customer)
                              and p.owner_user_id = $4 and p.deleted_at is null)
         select c.id as "customer_id!", (select id from prospect limit 1) as "prospect_id?",
                (select id from lead) as "lead_id?", c.latitude as "latitude?", c.longitude as "longitude?",
                (select owner_user_id from prospect limit 1) as "prospect_owner?"
           from customer c"#,
        customer_id,
        prospect_id,
        lead_id,
        owner,
    )
    .fetch_optional(&mut **tx)
    .await?)
}
