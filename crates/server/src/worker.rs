//! The background worker (SPEC §2.8): drains the Postgres job queue as `cc_worker` and
//! schedules periodic housekeeping. Jobs are idempotent and survive restarts.

use std::time::Duration;

use chrono::{Timelike, Utc};
use persistence::{jobs, Db, DbError, Identity, RequestContext};

const POLL_INTERVAL: Duration = Duration::from_secs(5);
const LEASE_SECONDS: i32 = 300;

pub const PURGE_EXPIRED_CREDENTIALS: &str = "purge_expired_credentials";
/// CRM-5: in-app reminders of due follow-ups, scheduled every minute.
pub const TASK_REMINDERS: &str = "task_reminders";
const REMINDER_BATCH: i64 = 500;
/// TCK-4: warnings before an SLA breach, scheduled every minute.
pub const SLA_WARNINGS: &str = "sla_warnings";
const SLA_WARNING_BATCH: i32 = 500;

/// Runs until the task is dropped.
pub async fn run(db: Db) {
    tracing::info!("worker started");
    loop {
        match run_once(&db).await {
            Ok(0) => tokio::time::sleep(POLL_INTERVAL).await,
            Ok(_) => {}
            Err(err) => {
                tracing::warn!(error = %err, "worker cycle failed");
                tokio::time::sleep(POLL_INTERVAL).await;
            }
        }
    }
}

fn context() -> RequestContext {
    RequestContext::new(Identity::Worker, format!("worker-{}", uuid::Uuid::new_v4()))
}

/// Schedules the periodic jobs of the current hour, then runs due jobs until none is left.
/// Returns how many jobs ran.
pub async fn run_once(db: &Db) -> Result<usize, DbError> {
    schedule_periodic(db).await?;
    let mut ran = 0;
    while run_next(db).await? {
        ran += 1;
    }
    Ok(ran)
}

async fn schedule_periodic(db: &Db) -> Result<(), DbError> {
    let now = Utc::now();
    let hour = now
        .with_minute(0)
        .and_then(|t| t.with_second(0))
        .unwrap_or(now);
    let (mut tx, _) = db.begin(&context()).await?;
    let dedup = format!("{PURGE_EXPIRED_CREDENTIALS}:{}", hour.format("%Y%m%d%H"));
    jobs::enqueue(
        &mut tx,
        PURGE_EXPIRED_CREDENTIALS,
        &serde_json::json!({}),
        Some(&dedup),
        hour,
    )
    .await?;
    let minute = now.with_second(0).unwrap_or(now);
    for kind in [TASK_REMINDERS, SLA_WARNINGS] {
        let dedup = format!("{kind}:{}", minute.format("%Y%m%d%H%M"));
        jobs::enqueue(&mut tx, kind, &serde_json::json!({}), Some(&dedup), minute).await?;
    }
    persistence::commit(tx).await
}

/// Claims and runs one due job; false when none is due.
async fn run_next(db: &Db) -> Result<bool, DbError> {
    let (mut tx, _) = db.begin(&context()).await?;
    let Some(job) = jobs::claim_next(&mut tx, LEASE_SECONDS).await? else {
        return Ok(false);
    };
    persistence::commit(tx).await?;

    let (mut tx, _) = db.begin(&context()).await?;
    let outcome = execute(&mut tx, &job).await;
    match outcome {
        Ok(()) => {
            jobs::mark_done(&mut tx, job.id).await?;
            persistence::commit(tx).await?;
        }
        Err(err) => {
            drop(tx);
            tracing::warn!(job = %job.id, kind = %job.kind, attempt = job.attempts, error = %err, "job failed");
            let (mut tx, _) = db.begin(&context()).await?;
            jobs::mark_failed(&mut tx, job.id, &err.to_string()).await?;
            persistence::commit(tx).await?;
        }
    }
    Ok(true)
}

async fn execute(tx: &mut persistence::Tx, job: &jobs::Job) -> Result<(), DbError> {
    match job.kind.as_str() {
        PURGE_EXPIRED_CREDENTIALS => {
            let removed = jobs::purge_expired_credentials(tx).await?;
            tracing::info!(
                removed,
                "purged expired idempotency keys and refresh tokens"
            );
            Ok(())
        }
        TASK_REMINDERS => {
            let sent = persistence::notifications::send_task_reminders(tx, REMINDER_BATCH).await?;
            if sent > 0 {
                tracing::info!(sent, "sent follow-up reminders");
            }
            Ok(())
        }
        SLA_WARNINGS => {
            let sent = persistence::notifications::send_sla_warnings(tx, SLA_WARNING_BATCH).await?;
            if sent > 0 {
                tracing::info!(sent, "sent SLA warnings");
            }
            Ok(())
        }
        other => Err(DbError::InvalidValue(format!("unknown job kind {other}"))),
    }
}
