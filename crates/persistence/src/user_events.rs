//! USR-2: the user activity log. Writes go through the SECURITY DEFINER functions of
//! `migrations/*_user_events.sql`, inside the transaction of the action they record;
//! reads are super_admin's (RLS); the worker deletes what is past the retention.

use chrono::{DateTime, Utc};
use domain::{
    list::PageRequest,
    user_events::{UserEventFilter, UserEventType},
};
use sqlx::{FromRow, Postgres, QueryBuilder};
use uuid::Uuid;

use crate::{
    list::{fetch_page, push_day_range, Export},
    DbError, Page, Stored, Tx,
};

/// Where a request came from: the peer's address and its `User-Agent`.
#[derive(Debug, Clone, Default)]
pub struct Client {
    pub ip: Option<String>,
    pub user_agent: Option<String>,
}

/// A successful sign-in, for the owner of the refresh token issued in this transaction.
pub async fn login(tx: &mut Tx, token_hash: &str, client: &Client) -> Result<(), DbError> {
    sqlx::query!(
        "select app.user_event_login($1, ($2::text)::inet, $3)",
        token_hash,
        client.ip,
        client.user_agent,
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A refused sign-in with the e-mail as typed.
pub async fn login_failed(tx: &mut Tx, email: &str, client: &Client) -> Result<(), DbError> {
    sqlx::query!(
        "select app.user_event_login_failed($1, ($2::text)::inet, $3)",
        email,
        client.ip,
        client.user_agent,
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A sign-out, before the session is ended (nothing when it already was).
pub async fn logout(tx: &mut Tx, token_hash: &str, client: &Client) -> Result<(), DbError> {
    sqlx::query!(
        "select app.user_event_logout($1, ($2::text)::inet, $3)",
        token_hash,
        client.ip,
        client.user_agent,
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The signed-in caller's own export, import or view of a sensitive page.
pub async fn record(
    tx: &mut Tx,
    kind: UserEventType,
    resource: &str,
    details: &serde_json::Value,
    client: &Client,
) -> Result<(), DbError> {
    sqlx::query!(
        "select app.user_event_record($1, $2, $3, ($4::text)::inet, $5)",
        kind.as_str(),
        resource,
        details,
        client.ip,
        client.user_agent,
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A ticket's detail view, recorded as `rfq/<id>` when the ticket is an RFQ the caller
/// may see (their own row-level security decides).
pub async fn record_rfq_view(tx: &mut Tx, ticket_id: Uuid, client: &Client) -> Result<(), DbError> {
    sqlx::query!(
        "select app.user_event_record('view_sensitive', 'rfq/' || t.id::text, '{}'::jsonb,
                                      ($2::text)::inet, $3)
           from tickets t where t.id = $1 and t.ticket_type = 'inquiry_tariff'",
        ticket_id,
        client.ip,
        client.user_agent,
    )
    .fetch_optional(&mut **tx)
    .await?;
    Ok(())
}

#[derive(Debug, Clone, FromRow)]
pub struct UserEventRow {
    pub id: i64,
    pub occurred_at: DateTime<Utc>,
    pub kind: Stored<UserEventType>,
    pub user_id: Option<Uuid>,
    pub user_name: Option<String>,
    pub user_email: Option<String>,
    pub email: Option<String>,
    pub api_key_id: Option<Uuid>,
    pub api_key_name: Option<String>,
    pub resource: Option<String>,
    pub details: serde_json::Value,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
}

const SELECT: &str = "select e.id, e.occurred_at, e.type as kind, e.user_id, \
        p.full_name as user_name, p.email::text as user_email, e.email, e.api_key_id, \
        e.api_key_name, e.resource, e.details, host(e.ip) as ip, e.user_agent \
   from user_events e left join profiles p on p.id = e.user_id";

/// Newest first.
const ORDER: (&str, &str) = ("e.occurred_at desc, e.id desc", "e.id desc");

fn push_filter<'a>(query: &mut QueryBuilder<'a, Postgres>, filter: &'a UserEventFilter) {
    query.push(" where true");
    if let Some(kind) = filter.kind {
        query.push(" and e.type = ").push_bind(kind.as_str());
    }
    if let Some(user_id) = filter.user_id {
        query.push(" and e.user_id = ").push_bind(user_id);
    }
    push_day_range(query, "e.occurred_at", filter.from, filter.to);
}

pub async fn list(
    tx: &mut Tx,
    filter: &UserEventFilter,
    page: PageRequest,
) -> Result<Page<UserEventRow>, DbError> {
    fetch_page(
        tx,
        "user_events e",
        SELECT,
        |query| push_filter(query, filter),
        &[],
        ORDER,
        page,
    )
    .await
}

/// The events of [`list`] for `filter`, all pages, at most `limit` (EXP-1).
pub fn export(filter: &UserEventFilter, limit: i64) -> Export<'_, UserEventRow> {
    Export::new(
        SELECT,
        |query| push_filter(query, filter),
        &[],
        ORDER,
        limit,
    )
}

/// Retention: deletes the events older than `days` days. Caller: the worker.
pub async fn purge(tx: &mut Tx, days: i32) -> Result<u64, DbError> {
    let done = sqlx::query!(
        "delete from user_events where occurred_at < now() - make_interval(days => $1)",
        days,
    )
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected())
}
