//! KPI-5: closing a period (a snapshot of every targeted figure of a department's metrics),
//! reopening it with a reason (the next close is a new revision), and the snapshot the
//! scorecard compares the live figures with.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use domain::{
    kpi::{assignee::Assignee, period::Period, score::score, AssigneeKind},
    money::{cents_text, text_cents},
};
use uuid::Uuid;

use super::{actuals, assignee_columns, definitions, scorecard::targets_of};
use crate::{DbError, Stored, Tx};

/// A close as listed.
#[derive(Debug, Clone)]
pub struct CloseRow {
    pub id: Uuid,
    pub period: String,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub dept: String,
    pub revision: i32,
    pub closed_by: Option<Uuid>,
    pub closed_at: DateTime<Utc>,
    pub reopened_by: Option<Uuid>,
    pub reopened_at: Option<DateTime<Utc>>,
    pub reopen_reason: Option<String>,
    pub values: i64,
}

macro_rules! select_closes {
    ($where:literal, $($arg:expr),* $(,)?) => {
        sqlx::query_as!(
            CloseRow,
            r#"select c.id, c.period, c.period_start, c.period_end, c.dept, c.revision, c.closed_by, c.closed_at,
                      c.reopened_by, c.reopened_at, c.reopen_reason,
                      (select count(*) from kpi_close_values v where v.close_id = c.id) as "values!"
                 from kpi_period_closes c where "# + $where,
            $($arg),*
        )
    };
}

/// Every close (all revisions) of a period and/or department, newest first.
pub async fn list(
    tx: &mut Tx,
    period: Option<&str>,
    dept: Option<&str>,
) -> Result<Vec<CloseRow>, DbError> {
    Ok(select_closes!(
        r#"($1::text is null or c.period = $1) and ($2::text is null or c.dept = $2)
         order by c.period_start desc, c.dept, c.revision desc limit 500"#,
        period,
        dept,
    )
    .fetch_all(&mut **tx)
    .await?)
}

/// Closes `period` for the metrics of `dept`: the next revision, with the target, actual,
/// achievement and status of every metric and assignee that has a target in the period.
/// A standing close makes it a conflict (`kpi_period_closes_open_key`).
pub async fn close(
    tx: &mut Tx,
    period: Period,
    dept: &str,
    today: NaiveDate,
) -> Result<CloseRow, DbError> {
    let id = sqlx::query_scalar!(
        r#"insert into kpi_period_closes (period, period_start, period_end, dept, revision, closed_by)
           select $1, $2, $3, $4, coalesce(max(revision), 0) + 1, app.uid()
             from kpi_period_closes where period = $1 and dept = $4
           returning id"#,
        period.label(),
        period.start,
        period.end,
        dept,
    )
    .fetch_one(&mut **tx)
    .await?;
    let metrics: HashMap<String, definitions::MetricRow> = definitions::list(tx)
        .await?
        .into_iter()
        .filter(|m| m.dept == dept)
        .map(|m| (m.metric_key.clone(), m))
        .collect();
    let targeted = sqlx::query!(
        r#"select distinct t.assignee_kind as "kind: Stored<AssigneeKind>", t.assignee_user_id, t.assignee_dept
             from kpi_targets t join kpi_metric_definitions d on d.metric_key = t.metric_key
            where d.dept = $1 and t.period_end >= $2 and t.period_start <= $3"#,
        dept,
        period.start,
        period.end,
    )
    .fetch_all(&mut **tx)
    .await?;
    for row in targeted {
        let Some(assignee) = Assignee::from_columns(
            row.kind.0,
            row.assignee_user_id,
            row.assignee_dept.as_deref(),
        ) else {
            continue;
        };
        snapshot(tx, id, assignee, period, &metrics, today).await?;
    }
    Ok(select_closes!("c.id = $1", id).fetch_one(&mut **tx).await?)
}

/// The snapshot rows of one assignee: each metric of `metrics` it has a target for.
async fn snapshot(
    tx: &mut Tx,
    close: Uuid,
    assignee: Assignee,
    period: Period,
    metrics: &HashMap<String, definitions::MetricRow>,
    today: NaiveDate,
) -> Result<(), DbError> {
    let targets = targets_of(tx, assignee, period.start, period.end).await?;
    let mut keys: Vec<String> = targets
        .iter()
        .map(|t| t.metric_key.clone())
        .filter(|k| metrics.contains_key(k))
        .collect();
    keys.sort();
    keys.dedup();
    let computed = actuals::compute(tx, &keys, assignee, &[period]).await?;
    let (kind, user, dept) = assignee_columns(assignee);
    for key in keys {
        let m = &metrics[&key];
        let spans = super::scorecard::spans(&targets, &key);
        let target = domain::kpi::score::target_for(&period, m.aggregation.0, &spans);
        let actual = computed.get(&(key.clone(), 0)).and_then(|a| a.value);
        let s = score(
            m.direction.0,
            m.aggregation.0,
            target,
            actual,
            period.elapsed_days(today),
            period.days(),
        );
        sqlx::query!(
            r#"insert into kpi_close_values (close_id, metric_key, assignee_kind, assignee_user_id, assignee_dept,
                                             target_value, actual, achievement_pct, status)
               values ($1, $2, $3, $4, $5, $6::text::numeric, $7::text::numeric, $8::text::numeric, $9)"#,
            close,
            key,
            kind,
            user,
            dept,
            target.map(cents_text),
            actual.map(cents_text),
            s.achievement.map(cents_text),
            s.status.as_str(),
        )
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Reopens the standing close of `period` and `dept` with a reason; [`DbError::NotFound`]
/// when the period is not closed.
pub async fn reopen(
    tx: &mut Tx,
    period: &str,
    dept: &str,
    reason: &str,
) -> Result<CloseRow, DbError> {
    let id = sqlx::query_scalar!(
        r#"update kpi_period_closes set reopened_at = now(), reopened_by = app.uid(), reopen_reason = $3
            where period = $1 and dept = $2 and reopened_at is null returning id"#,
        period,
        dept,
        reason,
    )
    .fetch_optional(&mut **tx)
    .await?
    .ok_or(DbError::NotFound)?;
    Ok(select_closes!("c.id = $1", id).fetch_one(&mut **tx).await?)
}

/// A frozen figure of a closed period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frozen {
    pub revision: i32,
    pub closed_at: DateTime<Utc>,
    pub target: Option<i128>,
    pub actual: Option<i128>,
    pub achievement: Option<i128>,
    pub status: String,
}

/// The standing snapshot of `period` for `assignee`, per metric.
pub async fn frozen(
    tx: &mut Tx,
    period: &Period,
    assignee: Assignee,
) -> Result<HashMap<String, Frozen>, DbError> {
    let (kind, user, dept) = assignee_columns(assignee);
    let rows = sqlx::query!(
        r#"select v.metric_key, c.revision, c.closed_at, v.target_value::text as target, v.actual::text as actual,
                  v.achievement_pct::text as achievement, v.status
             from kpi_close_values v join kpi_period_closes c on c.id = v.close_id
            where c.period = $1 and c.reopened_at is null
              and v.assignee_key = app.kpi_assignee_key($2, $3, $4)"#,
        period.label(),
        kind,
        user,
        dept,
    )
    .fetch_all(&mut **tx)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let value = |v: Option<String>| v.as_deref().and_then(text_cents);
            let frozen = Frozen {
                revision: r.revision,
                closed_at: r.closed_at,
                target: value(r.target),
                actual: value(r.actual),
                achievement: value(r.achievement),
                status: r.status,
            };
            (r.metric_key, frozen)
        })
        .collect())
}
