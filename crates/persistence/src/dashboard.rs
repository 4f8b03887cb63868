//! DASH-1: the command-center widgets, each over what the caller may see (RLS).

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::FromRow;
use uuid::Uuid;

use crate::{DbError, Tx};

#[derive(Debug, Clone, FromRow)]
pub struct TicketCounts {
    pub open_tickets: i64,
    pub closed_today: i64,
    pub high_priority_unhandled: i64,
}

/// Open tickets, tickets closed today (Asia/Jakarta) and high/urgent open tickets nobody
/// has answered yet, among the tickets the caller may see.
pub async fn ticket_counts(tx: &mut Tx, today: NaiveDate) -> Result<TicketCounts, DbError> {
    // One scan each, over the open tickets' and the closures' partial indexes.
    Ok(sqlx::query_as!(
        TicketCounts,
        r#"select (select count(*) from tickets t where t.status <> 'closed') as "open_tickets!",
                (select count(*) from tickets t
                  where t.closed_at >= ($1::date::timestamp at time zone 'Asia/Jakarta')) as "closed_today!",
                (select count(*) from tickets t
                  where t.status <> 'closed' and t.priority in ('high', 'urgent')
                    and t.first_response_at is null) as "high_priority_unhandled!""#,
        today,
    )
    .fetch_one(&mut **tx)
    .await?)
}

#[derive(Debug, Clone, FromRow)]
pub struct UrgentTicket {
    pub id: Uuid,
    pub ticket_code: String,
    pub subject: String,
    pub priority: String,
    pub status: String,
    pub dept_target: String,
    pub assigned_to_user_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

/// The oldest high/urgent open tickets without a first response; for callers without the
/// customer's identity (Operations, `identity` false) read through `v_ops_tickets`, their
/// subjects redacted of it (TCK-5). Urgent ones first, then high: each branch walks the
/// open tickets' index in age order and stops at `limit` unanswered ones.
pub async fn unhandled_high_priority(
    tx: &mut Tx,
    limit: i64,
    identity: bool,
) -> Result<Vec<UrgentTicket>, DbError> {
    let rows = if identity {
        sqlx::query_as!(
            UrgentTicket,
            r#"select u.id as "id!", u.ticket_code as "ticket_code!", u.subject as "subject!",
                      u.priority as "priority!", u.status as "status!",
                      u.dept_target as "dept_target!", u.assigned_to_user_id,
                      u.created_at as "created_at!"
                 from ((select t.id, t.ticket_code, t.subject, t.priority, t.status,
                               t.dept_target, t.assigned_to_user_id, t.created_at
                          from tickets t
                         where t.status <> 'closed' and t.priority = 'urgent'
                           and t.first_response_at is null
                         order by t.created_at limit $1)
                       union all
                       (select t.id, t.ticket_code, t.subject, t.priority, t.status,
                               t.dept_target, t.assigned_to_user_id, t.created_at
                          from tickets t
                         where t.status <> 'closed' and t.priority = 'high'
                           and t.first_response_at is null
                         order by t.created_at limit $1)) u
                order by u.priority = 'high', u.created_at limit $1"#,
            limit,
        )
        .fetch_all(&mut **tx)
        .await?
    } else {
        sqlx::query_as!(
            UrgentTicket,
            r#"select u.id as "id!", u.ticket_code as "ticket_code!", u.subject as "subject!",
                      u.priority as "priority!", u.status as "status!",
                      u.dept_target as "dept_target!", u.assigned_to_user_id,
                      u.created_at as "created_at!"
                 from ((select t.id, t.ticket_code, t.subject, t.priority, t.status,
                               t.dept_target, t.assigned_to_user_id, t.created_at
                          from v_ops_tickets t
                         where t.status <> 'closed' and t.priority = 'urgent'
                           and t.first_response_at is null
                         order by t.created_at limit $1)
                       union all
                       (select t.id, t.ticket_code, t.subject, t.priority, t.status,
                               t.dept_target, t.assigned_to_user_id, t.created_at
                          from v_ops_tickets t
                         where t.status <> 'closed' and t.priority = 'high'
                           and t.first_response_at is null
                         order by t.created_at limit $1)) u
                order by u.priority = 'high', u.created_at limit $1"#,
            limit,
        )
        .fetch_all(&mut **tx)
        .await?
    };
    Ok(rows)
}

/// The caller's open follow-ups due by the end of today (Asia/Jakarta).
pub async fn my_tasks_due(tx: &mut Tx, user: Uuid, today: NaiveDate) -> Result<i64, DbError> {
    Ok(sqlx::query_scalar!(
        r#"select count(*) as "n!" from tasks where owner_user_id = $1 and status = 'open'
            and deleted_at is null
            and due_at < (($2::date + 1)::timestamp at time zone 'Asia/Jakarta')"#,
        user,
        today,
    )
    .fetch_one(&mut **tx)
    .await?)
}
