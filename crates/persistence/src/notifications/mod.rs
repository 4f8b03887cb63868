//! In-app notifications (NTF-1): each user's own, written by `app.notify` (assignments,
//! follow-up reminders, …), read and marked by their owner.

mod outbox;
mod preferences;

pub use outbox::{claim_due_mail, mark_mail_failed, mark_mail_sent, OutboxMail};
pub use preferences::{email_preferences, set_email_preferences};

use chrono::{DateTime, NaiveDate, Utc};
use domain::{list::PageRequest, notifications::NotificationKind};
use sqlx::{FromRow, Postgres, QueryBuilder};
use uuid::Uuid;

use crate::{list::fetch_page, DbError, Page, Stored, Tx};

#[derive(Debug, Clone, FromRow)]
pub struct NotificationRow {
    pub id: Uuid,
    pub kind: Stored<NotificationKind>,
    pub title: String,
    pub body: String,
    pub link: Option<String>,
    pub read_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

const SELECT_NOTIFICATION: &str =
    "select n.id, n.kind, n.title, n.body, n.link, n.read_at, n.created_at from notifications n";

fn push_filter(query: &mut QueryBuilder<'_, Postgres>, unread_only: bool) {
    // RLS already narrows to the caller's own rows; the condition keeps the index in use.
    query.push(" where n.user_id = app.uid()");
    if unread_only {
        query.push(" and n.read_at is null");
    }
}

pub async fn list(
    tx: &mut Tx,
    unread_only: bool,
    page: PageRequest,
) -> Result<Page<NotificationRow>, DbError> {
    fetch_page(
        tx,
        "notifications n",
        SELECT_NOTIFICATION,
        |query| push_filter(query, unread_only),
        &[],
        ("n.created_at desc, n.id", "n.id"),
        page,
    )
    .await
}

pub async fn unread_count(tx: &mut Tx) -> Result<i64, DbError> {
    Ok(sqlx::query_scalar!(
        r#"select count(*) as "n!" from notifications where user_id = app.uid() and read_at is null"#,
    )
    .fetch_one(&mut **tx)
    .await?)
}

/// Marks one of the caller's notifications read; [`DbError::NotFound`] for anyone else's.
pub async fn mark_read(tx: &mut Tx, id: Uuid) -> Result<(), DbError> {
    let result = sqlx::query!(
        "update notifications set read_at = coalesce(read_at, now()) where id = $1",
        id
    )
    .execute(&mut **tx)
    .await?;
    if result.rows_affected() == 0 {
        return Err(DbError::NotFound);
    }
    Ok(())
}

pub async fn mark_all_read(tx: &mut Tx) -> Result<u64, DbError> {
    Ok(sqlx::query!(
        "update notifications set read_at = now() where user_id = app.uid() and read_at is null",
    )
    .execute(&mut **tx)
    .await?
    .rows_affected())
}

/// CRM-5 reminders (worker): one `task_due` notification per open task whose reminder
/// time has come, in the owner's language, at most once (`reminded_at` and the
/// notification's dedup key). Returns how many were sent.
pub async fn send_task_reminders(tx: &mut Tx, batch: i64) -> Result<i64, DbError> {
    Ok(sqlx::query_scalar!(
        r#"with due as (
           select id, title, owner_user_id, due_at, coalesce(remind_at, due_at) as fire_at
             from tasks
            where status = 'open' and deleted_at is null and reminded_at is null
              and coalesce(remind_at, due_at) <= now()
            order by coalesce(remind_at, due_at) limit $1 for update skip locked),
         sent as (
           select due.id, app.notify_localized(due.owner_user_id, 'task_due',
                    left('Tindak lanjut: ' || due.title, 300), left('Follow-up: ' || due.title, 300),
                    'Jatuh tempo ' || to_char(due.due_at at time zone 'Asia/Jakarta', 'DD/MM/YYYY HH24:MI') || ' WIB',
                    'Due ' || to_char(due.due_at at time zone 'Asia/Jakarta', 'DD Mon YYYY HH24:MI') || ' WIB',
                    '/crm/tasks', 'task-due:' || due.id || ':' || extract(epoch from due.fire_at)::bigint) as notified
             from due),
         marked as (
           update tasks t set reminded_at = now() from sent where t.id = sent.id returning t.id)
         select count(*) as "n!" from sent where notified is not null and exists (select 1 from marked)"#,
        batch,
    )
    .fetch_one(&mut **tx)
    .await?)
}

/// TCK-4 (worker): warns assignees (or CS admins) of tickets about to breach their SLA,
/// once per ticket, target and person. Returns how many were sent.
pub async fn send_sla_warnings(tx: &mut Tx, batch: i32) -> Result<i64, DbError> {
    Ok(
        sqlx::query_scalar!(r#"select app.send_sla_warnings($1) as "n!""#, batch)
            .fetch_one(&mut **tx)
            .await?,
    )
}

/// TCK-4 (worker): tells assignees (or CS admins) of open tickets whose SLA has been
/// breached, once per ticket, target and person. Returns how many were sent.
pub async fn send_sla_breaches(tx: &mut Tx, batch: i32) -> Result<i64, DbError> {
    Ok(
        sqlx::query_scalar!(r#"select app.send_sla_breaches($1) as "n!""#, batch)
            .fetch_one(&mut **tx)
            .await?,
    )
}

/// DSO (worker, daily): tells the sales owners of customers with overdue invoices, once
/// per invoice, aging bucket and person. Returns how many were sent.
pub async fn send_invoice_overdue_notices(tx: &mut Tx, batch: i32) -> Result<i64, DbError> {
    Ok(sqlx::query_scalar!(
        r#"select app.send_invoice_overdue_notices($1) as "n!""#,
        batch
    )
    .fetch_one(&mut **tx)
    .await?)
}

/// KPI (worker, daily): tells users and team managers whose target is behind at
/// mid-period, once per target and period. Returns how many were sent.
pub async fn send_kpi_target_warnings(tx: &mut Tx, today: NaiveDate) -> Result<i64, DbError> {
    Ok(
        sqlx::query_scalar!(r#"select app.send_kpi_target_warnings($1) as "n!""#, today)
            .fetch_one(&mut **tx)
            .await?,
    )
}
