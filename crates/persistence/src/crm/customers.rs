//! Customers (CRM-6 lists, CRM-8 Customer 360, CRM-9 duplicates and merge).

use chrono::{DateTime, Utc};
use domain::list::PageRequest;
use domain::{
    crm::{Npwp, PhoneE164},
    Email,
};
use domain::{
    tickets::{TicketPriority, TicketStatus, TicketType},
    Department,
};
use sqlx::{FromRow, Postgres, QueryBuilder};
use uuid::Uuid;

use crate::{
    list::{contains_pattern, fetch_page, Export, SqlSort},
    DbError, Normalised, Page, Stored, Tx,
};

#[derive(Debug, Clone, FromRow)]
pub struct CustomerRow {
    pub id: Uuid,
    pub customer_code: String,
    pub company_name: String,
    pub npwp: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub contact_name: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub owner_user_id: Option<Uuid>,
    pub owner_name: Option<String>,
    pub notes: String,
    pub merged_into_id: Option<Uuid>,
    pub lead_count: i64,
    pub open_prospects: i64,
    pub deleted_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

const SELECT_CUSTOMER: &str = "select c.id, c.customer_code, c.company_name, c.npwp, \
        c.email::text as email, c.phone, c.contact_name, c.address, c.city, c.latitude, c.longitude, \
        c.owner_user_id, o.full_name as owner_name, c.notes, c.merged_into_id, \
        (select count(*) from leads l where l.customer_id = c.id and l.deleted_at is null) as lead_count, \
        (select count(*) from prospects p where p.customer_id = c.id and p.deleted_at is null \
            and p.stage not in ('won', 'lost')) as open_prospects, \
        c.deleted_at, c.created_at, c.updated_at \
   from customers c left join profiles o on o.id = c.owner_user_id";

pub const SORT: &[(&str, &str)] = &[
    ("company_name", "c.company_name"),
    ("customer_code", "c.customer_code"),
    ("city", "c.city"),
    ("created_at", "c.created_at"),
    ("updated_at", "c.updated_at"),
];

#[derive(Debug, Clone, Default)]
pub struct CustomerFilter {
    pub q: Option<String>,
    pub q_phone: Option<String>,
    pub owner_user_id: Option<Uuid>,
    pub city: Option<String>,
    pub deleted: bool,
}

fn push_filter<'a>(query: &mut QueryBuilder<'a, Postgres>, filter: &'a CustomerFilter) {
    query.push(" where c.merged_into_id is null");
    query.push(if filter.deleted {
        " and c.deleted_at is not null"
    } else {
        " and c.deleted_at is null"
    });
    if let Some(q) = filter.q.as_deref() {
        query
            .push(
                " and ((c.company_name || ' ' || coalesce(c.contact_name, '') || ' ' || \
                 coalesce(c.email::text, '') || ' ' || coalesce(c.phone, '')) ilike ",
            )
            .push_bind(contains_pattern(q))
            .push(" or c.customer_code = ")
            .push_bind(q.to_uppercase())
            .push(" or c.npwp = ")
            .push_bind(q.chars().filter(char::is_ascii_digit).collect::<String>());
        if let Some(phone) = filter.q_phone.as_deref() {
            query.push(" or c.phone = ").push_bind(phone);
        }
        query.push(")");
    }
    if let Some(owner) = filter.owner_user_id {
        query.push(" and c.owner_user_id = ").push_bind(owner);
    }
    if let Some(city) = filter.city.as_deref() {
        query
            .push(" and c.city ilike ")
            .push_bind(contains_pattern(city));
    }
}

pub async fn list(
    tx: &mut Tx,
    filter: &CustomerFilter,
    page: PageRequest,
    sort: &[SqlSort],
) -> Result<Page<CustomerRow>, DbError> {
    fetch_page(
        tx,
        "customers c",
        SELECT_CUSTOMER,
        |query| push_filter(query, filter),
        sort,
        ("c.created_at desc, c.id", "c.id"),
        page,
    )
    .await
}

/// Every row matching `filter` for an export, in the list's order, at most `limit` (EXP-1).
pub fn export<'a>(
    filter: &'a CustomerFilter,
    sort: &[SqlSort],
    limit: i64,
) -> Export<'a, CustomerRow> {
    Export::new(
        SELECT_CUSTOMER,
        |query| push_filter(query, filter),
        sort,
        ("c.created_at desc, c.id", "c.id"),
        limit,
    )
}

/// A customer the caller can see; a merged one resolves to nothing ([`DbError::NotFound`]).
pub async fn get(tx: &mut Tx, id: Uuid) -> Result<CustomerRow, DbError> {
    Ok(sqlx::query_as!(
        CustomerRow,
        r#"select c.id as "id!", c.customer_code as "customer_code!", c.company_name as "company_name!", c.npwp as "npwp?",
        c.email::text as "email?", c.phone as "phone?", c.contact_name as "contact_name?", c.address as "address?", c.city as "city?", c.latitude as "latitude?", c.longitude as "longitude?",
        c.owner_user_id as "owner_user_id?", o.full_name as "owner_name?", c.notes as "notes!", c.merged_into_id as "merged_into_id?",
        (select count(*) from leads l where l.customer_id = c.id and l.deleted_at is null) as "lead_count!",
        (select count(*) from prospects p where p.customer_id = c.id and p.deleted_at is null
            and p.stage not in ('won', 'lost')) as "open_prospects!",
        c.deleted_at as "deleted_at?", c.created_at as "created_at!", c.updated_at as "updated_at!"
   from customers c left join profiles o on o.id = c.owner_user_id where c.id = $1"#,
        id,
    ).fetch_one(&mut **tx).await?)
}

#[derive(Debug, Clone, Default)]
pub struct CustomerChanges {
    pub company_name: Option<(String, Option<String>)>,
    pub npwp: Option<Option<Npwp>>,
    pub email: Option<Option<Email>>,
    pub phone: Option<Option<PhoneE164>>,
    pub contact_name: Option<Option<String>>,
    pub address: Option<Option<String>>,
    pub city: Option<Option<String>>,
    pub location: Option<Option<(f64, f64)>>,
    pub notes: Option<String>,
}

pub async fn update(
    tx: &mut Tx,
    id: Uuid,
    changes: &CustomerChanges,
) -> Result<CustomerRow, DbError> {
    let mut query = QueryBuilder::<Postgres>::new("update customers set updated_at = now()");
    if let Some((name, key)) = &changes.company_name {
        query
            .push(", company_name = ")
            .push_bind(name)
            .push(", company_key = ")
            .push_bind(key);
    }
    if let Some(v) = &changes.npwp {
        query
            .push(", npwp = ")
            .push_bind(v.as_ref().map(Normalised));
    }
    if let Some(v) = &changes.email {
        query
            .push(", email = ")
            .push_bind(v.as_ref().map(Normalised))
            .push("::citext");
    }
    if let Some(v) = &changes.phone {
        query
            .push(", phone = ")
            .push_bind(v.as_ref().map(Normalised));
    }
    if let Some(v) = &changes.contact_name {
        query.push(", contact_name = ").push_bind(v);
    }
    if let Some(v) = &changes.address {
        query.push(", address = ").push_bind(v);
    }
    if let Some(v) = &changes.city {
        query.push(", city = ").push_bind(v);
    }
    if let Some(point) = &changes.location {
        query
            .push(", latitude = ")
            .push_bind(point.map(|p| p.0))
            .push(", longitude = ")
            .push_bind(point.map(|p| p.1));
    }
    if let Some(v) = &changes.notes {
        query.push(", notes = ").push_bind(v);
    }
    query
        .push(" where id = ")
        .push_bind(id)
        .push(" and merged_into_id is null returning id");
    let updated: Option<Uuid> = query.build_query_scalar().fetch_optional(&mut **tx).await?;
    get(tx, updated.ok_or(DbError::NotFound)?).await
}

/// One entry of a customer's timeline (CRM-8), newest first.
#[derive(Debug, Clone, FromRow)]
pub struct TimelineRow {
    pub kind: String,
    pub id: String,
    pub title: String,
    pub detail: Option<String>,
    pub actor_name: Option<String>,
    pub at: DateTime<Utc>,
}

pub async fn timeline(tx: &mut Tx, id: Uuid, limit: i64) -> Result<Vec<TimelineRow>, DbError> {
    Ok(sqlx::query_as(
        "select * from ( \
           select 'lead' as kind, l.id::text as id, l.lead_code || ' · ' || l.contact_name as title, \
                  l.channel as detail, pr.full_name as actor_name, l.created_at as at \
             from leads l left join profiles pr on pr.id = l.created_by \
            where l.customer_id = $1 and l.deleted_at is null \
           union all \
           select case when a.activity_type = 'system' then 'system' else 'activity' end, a.id::text, \
                  a.subject, nullif(a.notes, ''), pr.full_name, coalesce(a.scheduled_at, a.occurred_at) \
             from sales_activities a left join profiles pr on pr.id = a.owner_user_id \
            where a.customer_id = $1 and a.deleted_at is null \
           union all \
           select 'stage', h.id::text, p.prospect_code || ': ' || coalesce(h.from_stage, '-') || ' → ' || h.to_stage, \
                  h.lost_reason, pr.full_name, h.changed_at \
             from prospect_stage_history h join prospects p on p.id = h.prospect_id \
             left join profiles pr on pr.id = h.changed_by \
            where p.customer_id = $1 \
           union all \
           select 'ticket', t.id::text, t.ticket_code || ' · ' || t.subject, t.status, pr.full_name, t.created_at \
             from tickets t left join profiles pr on pr.id = t.created_by \
            where t.related_customer_id = $1 \
         ) entries order by at desc limit $2",
    )
    .bind(id)
    .bind(limit)
    .fetch_all(&mut **tx)
    .await?)
}

/// A pair of customers whose company names look alike (CRM-9).
#[derive(Debug, Clone, FromRow)]
pub struct DuplicateRow {
    pub customer_id: Uuid,
    pub customer_code: String,
    pub company_name: String,
    pub other_id: Uuid,
    pub other_code: String,
    pub other_name: String,
    pub similarity: f32,
}

/// Likely duplicates among the most recently created customers the caller can see, each
/// pair once, most similar first.
pub async fn duplicates(
    tx: &mut Tx,
    threshold: f32,
    limit: i64,
) -> Result<Vec<DuplicateRow>, DbError> {
    Ok(sqlx::query_as!(
        DuplicateRow,
        r#"with recent as (
           select id, customer_code, company_name, company_key from customers
            where merged_into_id is null and deleted_at is null and company_key is not null
            order by created_at desc limit 2000)
         select distinct on (least(a.id, b.id), greatest(a.id, b.id))
                a.id as "customer_id!", a.customer_code as "customer_code!", a.company_name as "company_name!",
                b.id as "other_id!", b.customer_code as "other_code!", b.company_name as "other_name!",
                similarity(a.company_key, b.company_key) as "similarity!"
           from recent a
           join customers b on b.company_key % a.company_key and b.id <> a.id
          where b.merged_into_id is null and b.deleted_at is null
            and similarity(a.company_key, b.company_key) >= $1
          order by least(a.id, b.id), greatest(a.id, b.id)"#,
        threshold,
    )
    .fetch_all(&mut **tx)
    .await
    .map(|mut rows: Vec<DuplicateRow>| {
        rows.sort_by(|x, y| y.similarity.total_cmp(&x.similarity));
        rows.truncate(usize::try_from(limit).unwrap_or(50));
        rows
    })?)
}

/// Merges `loser` into `winner` (CRM-9) through `app.crm_merge_customers`.
pub async fn merge(tx: &mut Tx, winner: Uuid, loser: Uuid) -> Result<(), DbError> {
    sqlx::query!("select app.crm_merge_customers($1, $2)", winner, loser,)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

#[derive(Debug, Clone, FromRow)]
pub struct CustomerTicketRow {
    pub id: Uuid,
    pub ticket_code: String,
    pub ticket_type: Stored<TicketType>,
    pub status: Stored<TicketStatus>,
    pub priority: Stored<TicketPriority>,
    pub dept_target: Stored<Department>,
    pub subject: String,
    pub created_at: DateTime<Utc>,
}

/// The tickets of a customer the caller may see, newest first.
pub async fn tickets(tx: &mut Tx, id: Uuid) -> Result<Vec<CustomerTicketRow>, DbError> {
    Ok(sqlx::query_as!(
        CustomerTicketRow,
        r#"select id as "id!", ticket_code as "ticket_code!", ticket_type as "ticket_type!: Stored<TicketType>", status as "status!: Stored<TicketStatus>", priority as "priority!: Stored<TicketPriority>", dept_target as "dept_target!: Stored<Department>", subject as "subject!", created_at as "created_at!"
           from tickets where related_customer_id = $1 order by created_at desc limit 100"#,
        id,
    )
    .fetch_all(&mut **tx)
    .await?)
}

#[derive(Debug, Clone, FromRow)]
pub struct DocumentRow {
    pub id: Uuid,
    pub file_id: Uuid,
    pub title: String,
    pub original_name: Option<String>,
    pub content_type: Option<String>,
    pub size_bytes: Option<i64>,
    pub uploaded_by: Option<Uuid>,
    pub uploaded_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// The documents of a customer (CRM-8), newest first.
pub async fn documents(tx: &mut Tx, customer_id: Uuid) -> Result<Vec<DocumentRow>, DbError> {
    Ok(sqlx::query_as!(
        DocumentRow,
        r#"select d.id as "id!", d.file_id as "file_id!", d.title as "title!", f.original_name as "original_name?", f.content_type as "content_type?",
        f.size_bytes as "size_bytes?", d.uploaded_by as "uploaded_by?", pr.full_name as "uploaded_by_name?", d.created_at as "created_at!"
   from customer_documents d
   left join files f on f.id = d.file_id
   left join profiles pr on pr.id = d.uploaded_by where d.customer_id = $1 order by d.created_at desc limit 200"#,
        customer_id,
    )
        .fetch_all(&mut **tx)
        .await?)
}

/// Attaches an uploaded file to a customer; RLS checks that the caller sees the customer
/// and uploaded the file to `customer-documents`.
pub async fn add_document(
    tx: &mut Tx,
    customer_id: Uuid,
    file_id: Uuid,
    title: &str,
    by: Uuid,
) -> Result<DocumentRow, DbError> {
    let id: Uuid = sqlx::query_scalar!(
        "insert into customer_documents (customer_id, file_id, title, uploaded_by) \
         values ($1, $2, $3, $4) returning id",
        customer_id,
        file_id,
        title,
        by,
    )
    .fetch_one(&mut **tx)
    .await?;
    Ok(sqlx::query_as!(
        DocumentRow,
        r#"select d.id as "id!", d.file_id as "file_id!", d.title as "title!", f.original_name as "original_name?", f.content_type as "content_type?",
        f.size_bytes as "size_bytes?", d.uploaded_by as "uploaded_by?", pr.full_name as "uploaded_by_name?", d.created_at as "created_at!"
   from customer_documents d
   left join files f on f.id = d.file_id
   left join profiles pr on pr.id = d.uploaded_by where d.id = $1"#,
        id,
    ).fetch_one(&mut **tx).await?)
}
