//! Figures of the moment, read under the caller's row-level security: a CS agent sees
//! their own and the unassigned queue, the CS admin and management everything.

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use crate::{DbError, Tx};

/// The WA-3 settings: the SLA of a first reply and the minutes a bot reply saves.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    pub first_response_minutes: i32,
    pub minutes_saved_per_bot_reply: f64,
}

pub async fn settings(tx: &mut Tx) -> Result<Settings, DbError> {
    Ok(sqlx::query_as!(
        Settings,
        r#"select first_response_minutes, minutes_saved_per_bot_reply::float8 as "minutes_saved_per_bot_reply!"
             from wa_settings"#
    )
    .fetch_one(&mut **tx)
    .await?)
}

/// The agents of a team: the active users managed by `manager`, and the manager.
pub async fn team(tx: &mut Tx, manager: Uuid) -> Result<Vec<Uuid>, DbError> {
    Ok(sqlx::query_scalar!(
        r#"select id as "id!" from profiles where manager_user_id = $1 and is_active
           union select $1"#,
        manager,
    )
    .fetch_all(&mut **tx)
    .await?)
}

/// Conversations as they stand now.
#[derive(Debug, Clone, Copy, Default)]
pub struct OpenNow {
    pub open: i64,
    pub pending: i64,
    pub unassigned: i64,
    /// Conversations whose customer wrote in the last 24 hours (the service window).
    pub active_sessions: i64,
    /// Open conversations whose customer's last message has no reply yet.
    pub awaiting_reply: i64,
    /// The longest of those waits, in minutes.
    pub oldest_wait_minutes: Option<i64>,
}

pub async fn open_now(tx: &mut Tx, agents: Option<&[Uuid]>) -> Result<OpenNow, DbError> {
    let row = sqlx::query!(
        r#"select count(*) filter (where c.status = 'open') as "open!",
                  count(*) filter (where c.status = 'pending') as "pending!",
                  count(*) filter (where c.assigned_to_user_id is null) as "unassigned!",
                  count(*) filter (where c.last_inbound_at > now() - interval '24 hours') as "sessions!",
                  count(*) filter (where c.last_inbound_at >= c.last_message_at) as "awaiting!",
                  (extract(epoch from now() - min(c.last_inbound_at)
                     filter (where c.last_inbound_at >= c.last_message_at)) / 60)::bigint as oldest
             from conversations c
            where c.is_current and c.status <> 'resolved'
              and ($1::uuid[] is null or c.assigned_to_user_id = any ($1))"#,
        agents as Option<&[Uuid]>,
    )
    .fetch_one(&mut **tx)
    .await?;
    Ok(OpenNow {
        open: row.open,
        pending: row.pending,
        unassigned: row.unassigned,
        active_sessions: row.sessions,
        awaiting_reply: row.awaiting,
        oldest_wait_minutes: row.oldest,
    })
}

/// Conversations opened in the days `from..=to`, by their status now.
pub async fn opened_by_status(
    tx: &mut Tx,
    from: NaiveDate,
    to: NaiveDate,
    agents: Option<&[Uuid]>,
) -> Result<Vec<(String, i64)>, DbError> {
    Ok(sqlx::query!(
        r#"select c.status as "status!", count(*) as "count!"
             from conversations c
            where c.opened_at >= ($1::date)::timestamp at time zone 'Asia/Jakarta'
              and c.opened_at < ($2::date + 1)::timestamp at time zone 'Asia/Jakarta'
              and ($3::uuid[] is null or c.assigned_to_user_id = any ($3))
            group by 1 order by 1"#,
        from,
        to,
        agents as Option<&[Uuid]>,
    )
    .fetch_all(&mut **tx)
    .await?
    .into_iter()
    .map(|r| (r.status, r.count))
    .collect())
}

/// Tickets the caller sees that are not closed, per priority.
pub async fn open_tickets(tx: &mut Tx) -> Result<Vec<(String, i64)>, DbError> {
    Ok(sqlx::query!(
        r#"select priority as "priority!", count(*) as "count!" from tickets
            where status <> 'closed' group by 1"#
    )
    .fetch_all(&mut **tx)
    .await?
    .into_iter()
    .map(|r| (r.priority, r.count))
    .collect())
}

/// Tickets the caller sees opened and closed in the days `from..=to`.
pub async fn tickets_in(
    tx: &mut Tx,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<(i64, i64), DbError> {
    let row = sqlx::query!(
        r#"with bounds as (select ($1::date)::timestamp at time zone 'Asia/Jakarta' as lo,
                                  ($2::date + 1)::timestamp at time zone 'Asia/Jakarta' as hi)
           select (select count(*) from tickets t, bounds b where t.created_at >= b.lo and t.created_at < b.hi) as "opened!",
                  (select count(*) from tickets t, bounds b where t.closed_at >= b.lo and t.closed_at < b.hi) as "closed!""#,
        from,
        to,
    )
    .fetch_one(&mut **tx)
    .await?;
    Ok((row.opened, row.closed))
}

/// A failed outbound message with the provider's error.
#[derive(Debug, Clone)]
pub struct FailedMessage {
    pub provider_message_id: String,
    pub conversation_id: Option<Uuid>,
    pub customer_phone: String,
    pub campaign_name: Option<String>,
    pub code: Option<i64>,
    pub title: Option<String>,
    pub details: Option<String>,
    pub failed_at: Option<DateTime<Utc>>,
    pub sent_at: DateTime<Utc>,
}

/// The latest failed messages sent in the days `from..=to`, at most `limit`.
pub async fn failed_messages(
    tx: &mut Tx,
    from: NaiveDate,
    to: NaiveDate,
    agents: Option<&[Uuid]>,
    limit: i64,
) -> Result<Vec<FailedMessage>, DbError> {
    Ok(sqlx::query_as!(
        FailedMessage,
        r#"select m.provider_message_id, m.conversation_id, m.customer_phone,
                  (select k.name::text from campaigns k where k.id = m.campaign_id) as campaign_name,
                  (m.errors -> 0 ->> 'code')::bigint as code, m.errors -> 0 ->> 'title' as title,
                  coalesce(m.errors -> 0 -> 'error_data' ->> 'details', m.errors -> 0 ->> 'message') as details,
                  m.failed_at, m.sent_at
             from messages m
             left join conversations c on c.id = m.conversation_id
            where m.status = 'failed'
              and m.sent_at >= ($1::date)::timestamp at time zone 'Asia/Jakarta'
              and m.sent_at < ($2::date + 1)::timestamp at time zone 'Asia/Jakarta'
              and ($3::uuid[] is null or coalesce(m.agent_user_id, c.assigned_to_user_id) = any ($3))
            order by m.sent_at desc, m.id desc limit $4"#,
        from,
        to,
        agents as Option<&[Uuid]>,
        limit,
    )
    .fetch_all(&mut **tx)
    .await?)
}

/// A CS member and their workload now.
#[derive(Debug, Clone)]
pub struct AgentNow {
    pub id: Uuid,
    pub full_name: String,
    pub open_now: i64,
    pub last_message_at: Option<DateTime<Utc>>,
}

/// The active CS agents and admins (or those of `agents`), with their open
/// conversations and their last message.
pub async fn agents_now(tx: &mut Tx, agents: Option<&[Uuid]>) -> Result<Vec<AgentNow>, DbError> {
    Ok(sqlx::query_as!(
        AgentNow,
        r#"select p.id, p.full_name,
                  (select count(*) from conversations c
                    where c.assigned_to_user_id = p.id and c.is_current and c.status <> 'resolved') as "open_now!",
                  (select max(m.sent_at) from messages m where m.agent_user_id = p.id) as last_message_at
             from profiles p
            where p.is_active and p.role_name in ('cs_agent', 'cs_admin')
              and ($1::uuid[] is null or p.id = any ($1))
            order by p.full_name"#,
        agents as Option<&[Uuid]>,
    )
    .fetch_all(&mut **tx)
    .await?)
}

/// A campaign's reach in a period: its messages sent then, and the recipients who wrote
/// back within 72 hours of their message.
#[derive(Debug, Clone)]
pub struct CampaignReach {
    pub name: String,
    pub sent: i64,
    pub delivered: i64,
    pub read: i64,
    pub failed: i64,
    pub replied: i64,
}

pub async fn campaigns(
    tx: &mut Tx,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<CampaignReach>, DbError> {
    Ok(sqlx::query_as!(
        CampaignReach,
        r#"select k.name::text as "name!", count(*) as "sent!",
                  count(*) filter (where m.status in ('delivered', 'read')) as "delivered!",
                  count(*) filter (where m.status = 'read') as "read!",
                  count(*) filter (where m.status = 'failed') as "failed!",
                  count(distinct m.customer_phone) filter (where exists (
                      select 1 from messages r
                       where r.customer_phone = m.customer_phone and r.direction = 'inbound'
                         and r.sent_at > m.sent_at and r.sent_at <= m.sent_at + interval '72 hours')) as "replied!"
             from messages m join campaigns k on k.id = m.campaign_id
            where m.sent_at >= ($1::date)::timestamp at time zone 'Asia/Jakarta'
              and m.sent_at < ($2::date + 1)::timestamp at time zone 'Asia/Jakarta'
            group by k.name order by 2 desc, 1"#,
        from,
        to,
    )
    .fetch_all(&mut **tx)
    .await?)
}
