//! KPI-2 in bulk: copy a month's targets to another month, split a longer target by month.

use chrono::NaiveDate;
use domain::{
    kpi::{period::Period, score::TargetSpan, target::split_monthly, KpiAggregation},
    money::{cents_text, text_cents},
    FieldErrors,
};
use uuid::Uuid;

use super::targets::{delete, get, known_metric, TargetError, TargetRow};
use crate::{DbError, Tx};

/// What a bulk copy did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CopyOutcome {
    pub created: i64,
    /// Targets of `from` the caller may set that already had a target in `to`.
    pub skipped: i64,
}

/// Copies every target of exactly the month `from` that the caller may set (optionally of
/// one department's metrics) to the month `to`, skipping those whose metric and assignee
/// already have a target overlapping `to`.
pub async fn copy_month(
    tx: &mut Tx,
    from: Period,
    to: Period,
    dept: Option<&str>,
) -> Result<CopyOutcome, DbError> {
    let row = sqlx::query!(
        r#"with source as (
             select t.* from kpi_targets t join kpi_metric_definitions d on d.metric_key = t.metric_key
              where t.period_start = $1 and t.period_end = $2 and ($5::text is null or d.dept = $5)
                and app.kpi_may_manage(d.dept, t.assignee_kind, t.assignee_user_id)),
           made as (
             insert into kpi_targets (metric_key, assignee_kind, assignee_user_id, assignee_dept,
                                      period_start, period_end, target_value, note, created_by)
             select s.metric_key, s.assignee_kind, s.assignee_user_id, s.assignee_dept, $3, $4,
                    s.target_value, s.note, app.uid()
               from source s
             on conflict do nothing
             returning id)
           select (select count(*) from made) as "created!", (select count(*) from source) as "source!""#,
        from.start,
        from.end,
        to.start,
        to.end,
        dept,
    )
    .fetch_one(&mut **tx)
    .await?;
    Ok(CopyOutcome {
        created: row.created,
        skipped: row.source - row.created,
    })
}

/// Replaces a target of two or more whole months by one target per month (see
/// [`split_monthly`]); returns the new targets, oldest first.
pub async fn split(
    tx: &mut Tx,
    id: Uuid,
    weights: Option<&[u32]>,
) -> Result<Vec<TargetRow>, TargetError> {
    let current = get(tx, id).await?;
    let metric = known_metric(tx, &current.metric_key).await?;
    let span = TargetSpan {
        start: current.period_start,
        end: current.period_end,
        value: text_cents(&current.target_value).unwrap_or(0),
    };
    let months = split_monthly(span, metric.aggregation.0 == KpiAggregation::Sum, weights)
        .map_err(|(field, message)| TargetError::Fields(FieldErrors::single(field, message)))?;
    delete(tx, id).await?;
    let starts: Vec<NaiveDate> = months.iter().map(|m| m.start).collect();
    let ends: Vec<NaiveDate> = months.iter().map(|m| m.end).collect();
    let values: Vec<String> = months.iter().map(|m| cents_text(m.value)).collect();
    let ids = sqlx::query_scalar!(
        r#"insert into kpi_targets (metric_key, assignee_kind, assignee_user_id, assignee_dept,
                                    period_start, period_end, target_value, note, created_by)
           select $1, $2, $3, $4, x.s, x.e, x.v::numeric, $5, app.uid()
             from unnest($6::date[], $7::date[], $8::text[]) as x (s, e, v)
           returning id"#,
        current.metric_key,
        current.assignee_kind.0.as_str(),
        current.assignee_user_id,
        current.assignee_dept,
        current.note,
        &starts,
        &ends,
        &values,
    )
    .fetch_all(&mut **tx)
    .await
    .map_err(DbError::from)?;
    let mut rows = Vec::with_capacity(ids.len());
    for id in ids {
        rows.push(get(tx, id).await?);
    }
    rows.sort_by_key(|r| r.period_start);
    Ok(rows)
}
