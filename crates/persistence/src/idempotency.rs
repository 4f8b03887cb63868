//! PLT-IDEM: `Idempotency-Key` with Stripe semantics, stored in the same transaction as
//! the work it protects, so a key is either unused or bound to a committed response.

use crate::{DbError, Tx};

/// The outcome of claiming a key for a request.
#[derive(Debug, Clone, PartialEq)]
pub enum Claim {
    /// The key is new: do the work, then [`complete`] in the same transaction.
    Fresh,
    /// The same request was already answered: replay this.
    Replay {
        status: u16,
        body: serde_json::Value,
    },
    /// The key was used for a different request.
    Mismatch,
    /// The key is taken by a request that has not stored a response.
    InProgress,
}

/// Claims `key` for the current principal. A concurrent request with the same key waits
/// here until the first one commits (then replays its response) or rolls back (then
/// proceeds itself).
pub async fn claim(
    tx: &mut Tx,
    key: &str,
    method: &str,
    path: &str,
    request_hash: &str,
) -> Result<Claim, DbError> {
    let inserted = sqlx::query!(
        "insert into idempotency_keys (principal, idempotency_key, method, path, request_hash) \
         values (app.principal(), $1, $2, $3, $4) on conflict do nothing",
        key,
        method,
        path,
        request_hash,
    )
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if inserted == 1 {
        return Ok(Claim::Fresh);
    }
    let stored = sqlx::query!(
        "select method, path, request_hash, response_status, response_body from idempotency_keys \
          where principal = app.principal() and idempotency_key = $1",
        key,
    )
    .fetch_one(&mut **tx)
    .await?;
    if stored.method != method || stored.path != path || stored.request_hash != request_hash {
        return Ok(Claim::Mismatch);
    }
    Ok(match (stored.response_status, stored.response_body) {
        (Some(status), Some(body)) => Claim::Replay {
            status: u16::try_from(status).unwrap_or(200),
            body,
        },
        _ => Claim::InProgress,
    })
}

/// Stores the response of a fresh claim.
pub async fn complete(
    tx: &mut Tx,
    key: &str,
    status: u16,
    body: &serde_json::Value,
) -> Result<(), DbError> {
    sqlx::query!(
        "update idempotency_keys set response_status = $2, response_body = $3 \
          where principal = app.principal() and idempotency_key = $1",
        key,
        i32::from(status),
        body,
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}
