//! A ticket's SLA events and its AWB's broadcasts.

use chrono::{DateTime, Utc};
use domain::tickets::{BroadcastStatus, SlaEventType};
use sqlx::FromRow;
use uuid::Uuid;

use crate::{DbError, Stored, Tx};

#[derive(Debug, Clone, FromRow)]
pub struct SlaEventRow {
    pub event_type: Stored<SlaEventType>,
    pub from_value: Option<String>,
    pub to_value: Option<String>,
    pub actor_user_id: Option<Uuid>,
    pub actor_name: Option<String>,
    pub occurred_at: DateTime<Utc>,
}

pub async fn sla_events(tx: &mut Tx, ticket: Uuid) -> Result<Vec<SlaEventRow>, DbError> {
    Ok(sqlx::query_as!(
        SlaEventRow,
        r#"select e.event_type as "event_type!: Stored<SlaEventType>", e.from_value as "from_value?", e.to_value as "to_value?", e.actor_user_id as "actor_user_id?",
                (select p.full_name from profiles p where p.id = e.actor_user_id) as "actor_name?",
                e.occurred_at as "occurred_at!"
           from sla_events e where e.ticket_id = $1 order by e.occurred_at, e.id"#,
        ticket,
    )
    .fetch_all(&mut **tx)
    .await?)
}

#[derive(Debug, Clone, FromRow)]
pub struct BroadcastRow {
    pub id: Uuid,
    pub tracking_number: String,
    pub consignee_phone: Option<String>,
    pub status: Stored<BroadcastStatus>,
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
    Ok(sqlx::query_as!(
        BroadcastRow,
        r#"select b.id as "id!", b.tracking_number as "tracking_number!", b.consignee_phone as "consignee_phone?", b.status as "status!: Stored<BroadcastStatus>", b.message_content as "message_content?",
                b.error_message as "error_message?", b.broadcast_at as "broadcast_at!"
           from broadcast_logs b where b.tracking_number = $1
          order by b.broadcast_at desc, b.id limit $2"#,
        tracking_number,
        limit,
    )
    .fetch_all(&mut **tx)
    .await?)
}
