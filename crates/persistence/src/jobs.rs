//! The background job queue (SPEC §2.8): rows of `jobs`, claimed with
//! `FOR UPDATE SKIP LOCKED` so several workers never run one job twice.

use chrono::{DateTime, Utc};
use sqlx::FromRow;
use uuid::Uuid;

use crate::{DbError, Tx};

#[derive(Debug, Clone, FromRow)]
pub struct Job {
    pub id: Uuid,
    pub kind: String,
    pub payload: serde_json::Value,
    pub attempts: i32,
    pub max_attempts: i32,
}

/// Schedules a job once per `dedup_key`; returns whether it was new.
pub async fn enqueue(
    tx: &mut Tx,
    kind: &str,
    payload: &serde_json::Value,
    dedup_key: Option<&str>,
    run_at: DateTime<Utc>,
) -> Result<bool, DbError> {
    let result = sqlx::query!(
        "insert into jobs (kind, payload, dedup_key, run_at) values ($1, $2, $3, $4) \
         on conflict (dedup_key) do nothing",
        kind,
        payload,
        dedup_key,
        run_at,
    )
    .execute(&mut **tx)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Takes the next due job and leases it for `lease_seconds`; a crashed worker's lease
/// runs out and another worker picks the job up again.
pub async fn claim_next(tx: &mut Tx, lease_seconds: i32) -> Result<Option<Job>, DbError> {
    Ok(sqlx::query_as!(
        Job,
        r#"update jobs set attempts = attempts + 1,
                locked_until = now() + make_interval(secs => $1)
          where id = (select id from jobs
                       where done_at is null and run_at <= now() and attempts < max_attempts
                         and (locked_until is null or locked_until < now())
                       order by run_at limit 1 for update skip locked)
         returning id as "id!", kind as "kind!", payload as "payload!", attempts as "attempts!", max_attempts as "max_attempts!""#,
        f64::from(lease_seconds),
    )
    .fetch_optional(&mut **tx)
    .await?)
}

pub async fn mark_done(tx: &mut Tx, id: Uuid) -> Result<(), DbError> {
    sqlx::query!(
        "update jobs set done_at = now(), locked_until = null, last_error = null where id = $1",
        id,
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Records a failure and retries later with exponential backoff.
pub async fn mark_failed(tx: &mut Tx, id: Uuid, error: &str) -> Result<(), DbError> {
    sqlx::query!(
        "update jobs set last_error = $2, locked_until = null, \
                run_at = now() + make_interval(secs => least(3600, 10 * power(2, attempts))::double precision) \
          where id = $1",
        id,
        error,
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Housekeeping job: expired idempotency keys and refresh tokens.
pub async fn purge_expired_credentials(tx: &mut Tx) -> Result<i64, DbError> {
    Ok(
        sqlx::query_scalar!(r#"select app.purge_expired_credentials() as "n!""#)
            .fetch_one(&mut **tx)
            .await?,
    )
}
