//! The background worker (SPEC §2.8): drains the Postgres job queue as `cc_worker` and
//! schedules periodic housekeeping. Jobs are idempotent and survive restarts.

use std::time::Duration;

use chrono::{Timelike, Utc};
use domain::wa_analytics::AggregationType;
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
/// WA-4: WhatsApp bodies whose processing failed, processed again every minute (after a
/// minute's grace, at most 10 tries each).
pub const WHATSAPP_RETRY: &str = "whatsapp_retry";
const WHATSAPP_RETRY_BATCH: i64 = 200;
/// WA-2: the CRM Effectiveness snapshots — every hour the last hour (and the missing hours
/// of the last 35 days), every day yesterday and the last 8 days' hours again
/// (reconciled with the raw events), every week the last week.
pub const WA_AGGREGATE_HOURLY: &str = "wa_aggregate_hourly";
pub const WA_AGGREGATE_DAILY: &str = "wa_aggregate_daily";
pub const WA_AGGREGATE_WEEKLY: &str = "wa_aggregate_weekly";
/// WA-2: the hour under way stored as it stands, every minute (the dashboards compute only
/// what happened after).
pub const WA_HOUR_SO_FAR: &str = "wa_hour_so_far";
const WA_BACKFILL_HOURS: i32 = 1_000;
/// USR-2: the user activity log's retention, applied once a day (Asia/Jakarta).
pub const USER_EVENTS_RETENTION: &str = "user_events_retention";

/// NTF-1: invoices overdue for my customer and KPI targets at risk, once a Jakarta day.
pub const DAILY_NOTICES: &str = "daily_notices";
const DAILY_NOTICE_BATCH: i32 = 1_000;

/// Settings of the periodic jobs.
#[derive(Debug, Clone, Copy)]
pub struct WorkerSettings {
    /// `USER_EVENTS_RETENTION_DAYS`: user events older than this are deleted.
    pub user_events_retention_days: i32,
}

impl Default for WorkerSettings {
    fn default() -> Self {
        Self {
            user_events_retention_days: domain::user_events::DEFAULT_RETENTION_DAYS,
        }
    }
}

/// Runs until the task is dropped; sends the e-mail outbox when SMTP is configured.
pub async fn run(db: Db, settings: WorkerSettings, mailer: Option<crate::mail::Mailer>) {
    tracing::info!(email = mailer.is_some(), "worker started");
    loop {
        if let Some(mailer) = &mailer {
            if let Err(err) = crate::mail::deliver_due(&db, mailer).await {
                tracing::warn!(error = %err, "e-mail outbox run failed");
            }
        }
        match run_once_with(&db, &settings).await {
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
    run_once_with(db, &WorkerSettings::default()).await
}

/// [`run_once`] with the given settings.
pub async fn run_once_with(db: &Db, settings: &WorkerSettings) -> Result<usize, DbError> {
    schedule_periodic(db, settings).await?;
    let mut ran = 0;
    while run_next(db).await? {
        ran += 1;
    }
    Ok(ran)
}

async fn schedule_periodic(db: &Db, settings: &WorkerSettings) -> Result<(), DbError> {
    let now = Utc::now();
    let hour = now
        .with_minute(0)
        .and_then(|t| t.with_second(0))
        .unwrap_or(now);
    let (mut tx, _) = db.begin(&context()).await?;
    let jakarta = now + chrono::Duration::hours(7);
    let periodic = [
        (
            PURGE_EXPIRED_CREDENTIALS,
            hour.format("%Y%m%d%H").to_string(),
        ),
        (WA_AGGREGATE_HOURLY, hour.format("%Y%m%d%H").to_string()),
        (WA_AGGREGATE_DAILY, jakarta.format("%Y%m%d").to_string()),
        (WA_AGGREGATE_WEEKLY, jakarta.format("%G%V").to_string()),
        (DAILY_NOTICES, jakarta.format("%Y%m%d").to_string()),
    ];
    for (kind, period) in periodic {
        let dedup = format!("{kind}:{period}");
        jobs::enqueue(&mut tx, kind, &serde_json::json!({}), Some(&dedup), hour).await?;
    }
    let retention = serde_json::json!({ "days": settings.user_events_retention_days });
    let dedup = format!("{USER_EVENTS_RETENTION}:{}", jakarta.format("%Y%m%d"));
    jobs::enqueue(
        &mut tx,
        USER_EVENTS_RETENTION,
        &retention,
        Some(&dedup),
        hour,
    )
    .await?;
    let minute = now.with_second(0).unwrap_or(now);
    for kind in [TASK_REMINDERS, SLA_WARNINGS, WHATSAPP_RETRY, WA_HOUR_SO_FAR] {
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
            let breached =
                persistence::notifications::send_sla_breaches(tx, SLA_WARNING_BATCH).await?;
            if sent + breached > 0 {
                tracing::info!(sent, breached, "sent SLA warnings");
            }
            Ok(())
        }
        DAILY_NOTICES => daily_notices(tx).await,
        WA_AGGREGATE_HOURLY | WA_AGGREGATE_DAILY | WA_AGGREGATE_WEEKLY => {
            let kind = match job.kind.as_str() {
                WA_AGGREGATE_HOURLY => AggregationType::Hourly,
                WA_AGGREGATE_DAILY => AggregationType::Daily,
                _ => AggregationType::Weekly,
            };
            let done =
                persistence::wa_analytics::aggregate(tx, kind, Utc::now(), WA_BACKFILL_HOURS)
                    .await?;
            tracing::info!(
                kind = kind.as_str(),
                buckets = done.buckets,
                changed = done.changed,
                "stored CRM Effectiveness snapshots"
            );
            Ok(())
        }
        WA_HOUR_SO_FAR => {
            persistence::wa_analytics::store_hour_so_far(tx, Utc::now()).await?;
            Ok(())
        }
        WHATSAPP_RETRY => {
            let done =
                persistence::whatsapp::retry_unprocessed(tx, 60, 10, WHATSAPP_RETRY_BATCH).await?;
            if done > 0 {
                tracing::info!(done, "processed WhatsApp bodies kept for a retry");
            }
            Ok(())
        }
        USER_EVENTS_RETENTION => {
            let days = job.payload["days"]
                .as_i64()
                .and_then(|d| i32::try_from(d).ok())
                .unwrap_or(domain::user_events::DEFAULT_RETENTION_DAYS);
            let removed = persistence::user_events::purge(tx, days).await?;
            tracing::info!(removed, days, "deleted user events past their retention");
            Ok(())
        }
        other => Err(DbError::InvalidValue(format!("unknown job kind {other}"))),
    }
}

/// NTF-1: every invoice overdue for its customer's owners (in batches until none is
/// left), then the KPI targets at risk at mid-period.
async fn daily_notices(tx: &mut persistence::Tx) -> Result<(), DbError> {
    let mut overdue = 0;
    loop {
        let sent = persistence::notifications::send_invoice_overdue_notices(tx, DAILY_NOTICE_BATCH)
            .await?;
        overdue += sent;
        if sent < i64::from(DAILY_NOTICE_BATCH) {
            break;
        }
    }
    let targets =
        persistence::notifications::send_kpi_target_warnings(tx, domain::jakarta_today()).await?;
    tracing::info!(overdue, targets, "sent daily notices");
    Ok(())
}
