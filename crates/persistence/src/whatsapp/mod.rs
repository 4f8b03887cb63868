//! WhatsApp intake (WA-1, WA-4): a webhook body is stored once as it came, then processed
//! from that table by `app.wa_process` (messages, statuses, conversations, the lead of an
//! unknown number); a failed processing leaves the body for the worker to retry.

mod conversations;

pub use conversations::*;

use serde::Deserialize;
use uuid::Uuid;

use crate::{DbError, Tx};

/// What a webhook body is: Meta's Cloud API body, or the outbound batch n8n forwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    CloudApi,
    Outbound,
}

impl BodyKind {
    fn as_str(self) -> &'static str {
        match self {
            Self::CloudApi => "cloud_api",
            Self::Outbound => "outbound",
        }
    }
}

/// How the sender proved who it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    ApiKey,
    Signature,
}

/// A body to store: its kind, SHA-256 (hex) and JSON.
pub struct WebhookBody<'a> {
    pub kind: BodyKind,
    pub sha256: &'a str,
    pub json: &'a serde_json::Value,
    pub via: Via,
    pub create_leads: bool,
}

/// The outcome of a webhook request.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Ingested {
    pub event_id: i64,
    /// The very same body was stored before: nothing was done again.
    #[serde(default)]
    pub duplicate: bool,
    #[serde(default)]
    pub messages: i64,
    #[serde(default)]
    pub duplicates: i64,
    #[serde(default)]
    pub statuses: i64,
    /// The conversations that got a message (for live updates).
    #[serde(default)]
    pub conversations: Vec<Uuid>,
    /// Processing failed and the body waits for the worker's retry.
    #[serde(default)]
    pub deferred: bool,
}

/// Stores `body` (once per kind and SHA-256) and processes it under a savepoint: a
/// processing failure is recorded on the stored body, which stays for the worker. The
/// caller commits.
pub async fn ingest(tx: &mut Tx, body: &WebhookBody<'_>) -> Result<Ingested, DbError> {
    let via = match body.via {
        Via::ApiKey => "api_key",
        Via::Signature => "signature",
    };
    let received = sqlx::query!(
        r#"select event_id as "event_id!", duplicate as "duplicate!"
             from app.wa_receive($1, $2, $3, $4, $5)"#,
        body.kind.as_str(),
        body.sha256,
        body.json,
        via,
        body.create_leads,
    )
    .fetch_one(&mut **tx)
    .await?;
    if received.duplicate {
        return Ok(Ingested {
            event_id: received.event_id,
            duplicate: true,
            ..Ingested::default()
        });
    }
    sqlx::query!("savepoint wa_process")
        .execute(&mut **tx)
        .await?;
    match process(tx, received.event_id).await {
        Ok(processed) => {
            sqlx::query!("release savepoint wa_process")
                .execute(&mut **tx)
                .await?;
            Ok(processed.unwrap_or(Ingested {
                event_id: received.event_id,
                ..Ingested::default()
            }))
        }
        Err(err) => {
            sqlx::query!("rollback to savepoint wa_process")
                .execute(&mut **tx)
                .await?;
            tracing::warn!(event = received.event_id, error = %err, "WhatsApp body kept for a retry");
            failed(tx, received.event_id, &err.to_string()).await?;
            Ok(Ingested {
                event_id: received.event_id,
                deferred: true,
                ..Ingested::default()
            })
        }
    }
}

/// Processes a stored body once; `None` when it was processed already.
pub async fn process(tx: &mut Tx, event_id: i64) -> Result<Option<Ingested>, DbError> {
    let counts = sqlx::query_scalar!("select app.wa_process($1)", event_id)
        .fetch_one(&mut **tx)
        .await?;
    counts
        .map(|mut counts| {
            counts["event_id"] = event_id.into();
            serde_json::from_value(counts).map_err(|err| DbError::InvalidValue(err.to_string()))
        })
        .transpose()
}

/// Records a failed processing of a stored body.
pub async fn failed(tx: &mut Tx, event_id: i64, error: &str) -> Result<(), DbError> {
    sqlx::query!("select app.wa_process_failed($1, $2)", event_id, error)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Processes again, each under a savepoint, the stored bodies whose processing failed
/// (unprocessed after `grace_seconds`, tried fewer than `max_attempts` times), oldest
/// first, at most `limit`; returns how many were processed now. For the worker.
pub async fn retry_unprocessed(
    tx: &mut Tx,
    grace_seconds: i32,
    max_attempts: i32,
    limit: i64,
) -> Result<usize, DbError> {
    let mut done = 0;
    for event_id in unprocessed(tx, grace_seconds, max_attempts, limit).await? {
        sqlx::query!("savepoint wa_retry")
            .execute(&mut **tx)
            .await?;
        match process(tx, event_id).await {
            Ok(_) => {
                sqlx::query!("release savepoint wa_retry")
                    .execute(&mut **tx)
                    .await?;
                done += 1;
            }
            Err(err) => {
                sqlx::query!("rollback to savepoint wa_retry")
                    .execute(&mut **tx)
                    .await?;
                tracing::warn!(event = event_id, error = %err, "WhatsApp body still not processed");
                failed(tx, event_id, &err.to_string()).await?;
            }
        }
    }
    Ok(done)
}

/// The stored bodies still unprocessed after `grace_seconds`, oldest first, that have
/// been tried fewer than `max_attempts` times (for the worker).
async fn unprocessed(
    tx: &mut Tx,
    grace_seconds: i32,
    max_attempts: i32,
    limit: i64,
) -> Result<Vec<i64>, DbError> {
    Ok(sqlx::query_scalar!(
        "select id from wa_webhook_events \
          where processed_at is null and attempts < $2 \
            and received_at < now() - make_interval(secs => $1) \
          order by received_at limit $3",
        f64::from(grace_seconds),
        max_attempts,
        limit,
    )
    .fetch_all(&mut **tx)
    .await?)
}
