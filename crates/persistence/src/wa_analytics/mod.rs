//! WA-2/WA-3: the CRM Effectiveness figures. Period figures come from
//! `app.wa_rollup` (stored days and hours, the part of the hour under way stored, plus
//! what no stored row covers computed on the fly, so they never lag the raw events); figures of the moment (what is open now, the agents' workload, failed
//! messages, campaigns) are read under the caller's row-level security.

mod live;

pub use live::*;

use chrono::{DateTime, NaiveDate, Utc};
use domain::wa_analytics::{AggregationType, Metrics};
use uuid::Uuid;

use crate::{DbError, Tx};

/// How period figures are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    Total,
    /// Per Asia/Jakarta day (`YYYY-MM-DD`).
    Day,
    /// Per ISO weekday and hour, Asia/Jakarta (`"<1-7>:<0-23>"`).
    WeekdayHour,
    /// Per agent (uuid; the nil uuid for nobody's).
    Agent,
}

impl Grouping {
    fn as_str(self) -> &'static str {
        match self {
            Self::Total => "total",
            Self::Day => "day",
            Self::WeekdayHour => "dow_hour",
            Self::Agent => "agent",
        }
    }
}

/// The figures of the days `from..=to` (Asia/Jakarta) for `agents` (none: everybody's;
/// a CS agent always gets their own), grouped.
pub async fn rollup(
    tx: &mut Tx,
    from: NaiveDate,
    to: NaiveDate,
    agents: Option<&[Uuid]>,
    grouping: Grouping,
) -> Result<Vec<(String, Metrics)>, DbError> {
    let rows = sqlx::query!(
        r#"select bucket as "bucket!", metrics as "metrics!"
             from app.wa_rollup(($1::date)::timestamp at time zone 'Asia/Jakarta',
                                ($2::date + 1)::timestamp at time zone 'Asia/Jakarta', $3, $4)
            order by 1"#,
        from,
        to,
        agents as Option<&[Uuid]>,
        grouping.as_str(),
    )
    .fetch_all(&mut **tx)
    .await?;
    rows.into_iter()
        .map(|r| {
            serde_json::from_value(r.metrics)
                .map(|m| (r.bucket, m))
                .map_err(|e| DbError::InvalidValue(e.to_string()))
        })
        .collect()
}

/// The figures of the days `from..=to` in one total (zeros when nothing happened).
pub async fn totals(
    tx: &mut Tx,
    from: NaiveDate,
    to: NaiveDate,
    agents: Option<&[Uuid]>,
) -> Result<Metrics, DbError> {
    Ok(rollup(tx, from, to, agents, Grouping::Total)
        .await?
        .into_iter()
        .next()
        .map(|(_, m)| m)
        .unwrap_or_default())
}

/// What a snapshot run did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
pub struct Aggregated {
    /// Buckets stored (or stored again).
    pub buckets: i64,
    /// Stored hours whose figures changed when stored again (reconciliation).
    pub changed: i64,
}

/// Stores the snapshots of a run at `now` (`app.wa_aggregate`; the hourly run also fills
/// up to `backfill` missing hours of the last 35 days). As the worker.
pub async fn aggregate(
    tx: &mut Tx,
    kind: AggregationType,
    now: DateTime<Utc>,
    backfill: i32,
) -> Result<Aggregated, DbError> {
    let done = sqlx::query_scalar!(
        r#"select app.wa_aggregate($1, $2, $3) as "done!""#,
        kind.as_str(),
        now,
        backfill,
    )
    .fetch_one(&mut **tx)
    .await?;
    serde_json::from_value(done).map_err(|e| DbError::InvalidValue(e.to_string()))
}

/// Stores the hour under way as it stands at `now` (`app.wa_store_hour_so_far`; the
/// dashboards read it and compute only what happened after). As the worker.
pub async fn store_hour_so_far(tx: &mut Tx, now: DateTime<Utc>) -> Result<(), DbError> {
    sqlx::query_scalar!(r#"select app.wa_store_hour_so_far($1) as "rows!""#, now)
        .fetch_one(&mut **tx)
        .await?;
    Ok(())
}
