//! Realtime (SPEC §2.8): changes announced with `pg_notify('cc_events', …)` — ticket
//! changes by triggers, stored broadcast logs by the server after their commit
//! ([`Db::notify`]) — and received here with LISTEN, so every server instance sees every
//! change.

use serde::Deserialize;
use uuid::Uuid;

use crate::{Db, DbError};

/// The channel the triggers notify on.
pub const CHANNEL: &str = "cc_events";

/// One change as the triggers describe it (no customer identity in it: payloads travel
/// through PostgreSQL to every listener before anyone's rights are checked).
#[derive(Debug, Clone, Deserialize)]
pub struct Change {
    /// `broadcast_logs.created`, `ticket.created`, `ticket.updated`, `ticket.commented`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The row's id (for broadcasts: the newest log of the statement).
    pub id: Option<Uuid>,
    /// The rest of the payload, passed on to clients as is.
    #[serde(flatten)]
    pub data: serde_json::Map<String, serde_json::Value>,
}

impl Db {
    /// Announces `payload` on [`CHANNEL`] in a statement of its own. For changes whose
    /// writers must not announce inside their transaction: a commit that notifies holds
    /// PostgreSQL's global notification lock until its WAL is flushed, so notifying
    /// writers commit one at a time.
    pub async fn notify(&self, payload: &str) -> Result<(), DbError> {
        sqlx::query!("select pg_notify($1, $2)", CHANNEL, payload)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Announces every payload of `payloads` on [`CHANNEL`], in one statement of its own.
    pub async fn notify_many(&self, payloads: &[String]) -> Result<(), DbError> {
        sqlx::query!(
            "select pg_notify($1, p) from unnest($2::text[]) p",
            CHANNEL,
            payloads
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// A listener on [`CHANNEL`] over a connection of the pool's settings.
    pub async fn listen(&self) -> Result<sqlx::postgres::PgListener, DbError> {
        let mut listener = sqlx::postgres::PgListener::connect_with(&self.pool).await?;
        listener.listen(CHANNEL).await?;
        Ok(listener)
    }
}
