//! KPI-4: the scorecard of an assignee for a period (every metric of its department and
//! every metric it has a target for; the company sees all), each row with target, actual,
//! achievement, status and a monthly trend; and the trend of one metric.

use chrono::NaiveDate;
use domain::{
    kpi::{
        assignee::Assignee,
        period::Period,
        score::{score, target_for, Score, TargetSpan},
    },
    money::text_cents,
};

use super::{
    actuals::{self, Actual, AssigneeInfo},
    closes::{self, Frozen},
    definitions::{self, MetricRow},
    targets::TargetRow,
};
use crate::{DbError, Stored, Tx};

/// One month (or the period itself) of a row.
#[derive(Debug, Clone)]
pub struct Point {
    pub period: Period,
    pub target: Option<i128>,
    pub actual: Actual,
    pub score: Score,
}

/// A scorecard row.
#[derive(Debug, Clone)]
pub struct Row {
    pub metric: MetricRow,
    pub current: Point,
    pub trend: Vec<Point>,
    /// The figure frozen when the period was closed (KPI-5), if it is.
    pub frozen: Option<Frozen>,
}

#[derive(Debug, Clone)]
pub struct Scorecard {
    pub period: Period,
    pub assignee: AssigneeInfo,
    pub elapsed_days: i64,
    pub rows: Vec<Row>,
}

/// The scorecard of `assignee` for `period` with `trend_months` monthly points.
pub async fn load(
    tx: &mut Tx,
    assignee: Assignee,
    period: Period,
    today: NaiveDate,
    trend_months: u32,
) -> Result<Scorecard, DbError> {
    let info = actuals::viewable(tx, assignee).await?;
    let months = period.trailing_months(trend_months);
    let first = months
        .first()
        .map_or(period.start, |m| m.start.min(period.start));
    let targets = targets_of(tx, assignee, first, period.end).await?;
    let metrics: Vec<MetricRow> = definitions::list(tx)
        .await?
        .into_iter()
        .filter(|m| {
            assignee == Assignee::Company
                || info.dept.as_deref() == Some(m.dept.as_str())
                || targets.iter().any(|t| t.metric_key == m.metric_key)
        })
        .collect();
    let mut rows = rows(tx, &metrics, &info, &targets, period, &months, today).await?;
    let mut frozen = closes::frozen(tx, &period, assignee).await?;
    for row in &mut rows {
        row.frozen = frozen.remove(&row.metric.metric_key);
    }
    Ok(Scorecard {
        elapsed_days: period.elapsed_days(today),
        period,
        assignee: info,
        rows,
    })
}

/// The monthly trend of one metric for `assignee`: `months` months ending with the month
/// of `end`.
pub async fn trend(
    tx: &mut Tx,
    metric_key: &str,
    assignee: Assignee,
    end: Period,
    months: u32,
    today: NaiveDate,
) -> Result<(MetricRow, AssigneeInfo, Vec<Point>), DbError> {
    let info = actuals::viewable(tx, assignee).await?;
    let metric = definitions::get(tx, metric_key).await?;
    let periods = end.trailing_months(months);
    let first = periods.first().map_or(end.start, |m| m.start);
    let targets = targets_of(tx, assignee, first, end.end).await?;
    let mut rows = rows(
        tx,
        std::slice::from_ref(&metric),
        &info,
        &targets,
        end,
        &periods,
        today,
    )
    .await?;
    let row = rows.pop().ok_or(DbError::NotFound)?;
    Ok((metric, info, row.trend))
}

async fn rows(
    tx: &mut Tx,
    metrics: &[MetricRow],
    info: &AssigneeInfo,
    targets: &[TargetRow],
    period: Period,
    months: &[Period],
    today: NaiveDate,
) -> Result<Vec<Row>, DbError> {
    let mut periods = vec![period];
    periods.extend_from_slice(months);
    let keys: Vec<String> = metrics.iter().map(|m| m.metric_key.clone()).collect();
    let mut computed = actuals::compute(tx, &keys, info.assignee, &periods).await?;
    Ok(metrics
        .iter()
        .map(|m| {
            let spans = spans(targets, &m.metric_key);
            let mut points = periods.iter().enumerate().map(|(i, p)| {
                let actual = computed
                    .remove(&(m.metric_key.clone(), i))
                    .unwrap_or_default();
                point(m, *p, &spans, actual, today)
            });
            let current = points
                .next()
                .unwrap_or_else(|| point(m, period, &spans, Actual::default(), today));
            Row {
                metric: m.clone(),
                current,
                trend: points.collect(),
                frozen: None,
            }
        })
        .collect())
}

fn point(
    m: &MetricRow,
    period: Period,
    spans: &[TargetSpan],
    actual: Actual,
    today: NaiveDate,
) -> Point {
    let target = target_for(&period, m.aggregation.0, spans);
    let score = score(
        m.direction.0,
        m.aggregation.0,
        target,
        actual.value,
        period.elapsed_days(today),
        period.days(),
    );
    Point {
        period,
        target,
        actual,
        score,
    }
}

/// The days and values of the targets of one metric.
pub(super) fn spans(targets: &[TargetRow], metric_key: &str) -> Vec<TargetSpan> {
    targets
        .iter()
        .filter(|t| t.metric_key == metric_key)
        .map(|t| TargetSpan {
            start: t.period_start,
            end: t.period_end,
            value: text_cents(&t.target_value).unwrap_or(0),
        })
        .collect()
}

/// Every target of the assignee overlapping [from, to] the caller may read.
pub(super) async fn targets_of(
    tx: &mut Tx,
    assignee: Assignee,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<TargetRow>, DbError> {
    let (kind, user, dept) = super::assignee_columns(assignee);
    Ok(sqlx::query_as!(
        TargetRow,
        r#"select t.id, t.metric_key, t.assignee_kind as "assignee_kind: Stored<_>",
                  t.assignee_user_id, null::text as "assignee_user_name?", t.assignee_dept,
                  t.period_start, t.period_end, t.target_value::text as "target_value!", t.note,
                  t.created_by, t.created_at, t.updated_at
             from kpi_targets t
            where t.assignee_key = app.kpi_assignee_key($1, $2, $3)
              and t.period_end >= $4 and t.period_start <= $5"#,
        kind,
        user,
        dept,
        from,
        to,
    )
    .fetch_all(&mut **tx)
    .await?)
}
