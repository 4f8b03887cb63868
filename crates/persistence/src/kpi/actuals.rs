//! KPI-3: actuals from the registry `app.kpi_actuals` (AUTO metrics from the transactions,
//! MANUAL/IMPORTED from entries), computed under the caller's row-level security for an
//! assignee the caller may view.

use std::collections::HashMap;

use domain::{
    kpi::{assignee::Assignee, period::Period},
    money::text_cents,
};

use super::assignee_columns;
use crate::{DbError, Tx};

/// An assignee the caller may view, with its name and department.
#[derive(Debug, Clone)]
pub struct AssigneeInfo {
    pub assignee: Assignee,
    pub name: Option<String>,
    pub dept: Option<String>,
}

/// The assignee if the caller may view its scorecard (`app.kpi_may_view`):
/// [`DbError::NotFound`] for an unknown user, [`DbError::PermissionDenied`] otherwise.
pub async fn viewable(tx: &mut Tx, assignee: Assignee) -> Result<AssigneeInfo, DbError> {
    let (kind, user, dept) = assignee_columns(assignee);
    let row = sqlx::query!(
        r#"select app.kpi_may_view($1, $2, $3) as "may!",
                  (select p.full_name from profiles p where p.id = $2) as name,
                  (select p.dept_code from profiles p where p.id = $2) as dept"#,
        kind,
        user,
        dept,
    )
    .fetch_one(&mut **tx)
    .await?;
    if user.is_some() && row.name.is_none() {
        return Err(DbError::NotFound);
    }
    if !row.may {
        return Err(DbError::PermissionDenied("kpi scorecard".to_owned()));
    }
    Ok(AssigneeInfo {
        assignee,
        name: row.name,
        dept: row.dept.or_else(|| dept.map(str::to_owned)),
    })
}

/// A metric's actual over one period: `None` = NA (no data source, nothing to compute
/// from); with the per-bucket breakdown where the metric has one (leads by channel).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Actual {
    pub value: Option<i128>,
    pub breakdown: Vec<(String, i128)>,
}

/// The actuals of `metrics` for `assignee` over each of `periods`, in one statement
/// (`app.kpi_actuals`: one query per metric over every period):
/// `result[(metric, period index)]`; a missing key is NA.
pub async fn compute(
    tx: &mut Tx,
    metrics: &[String],
    assignee: Assignee,
    periods: &[Period],
) -> Result<HashMap<(String, usize), Actual>, DbError> {
    let (kind, user, dept) = assignee_columns(assignee);
    // A scorecard asks for its period and for the months of its trend, which end with the
    // period itself: each distinct span of days is computed once.
    let mut spans: Vec<(chrono::NaiveDate, chrono::NaiveDate)> = Vec::new();
    let slots: Vec<usize> = periods
        .iter()
        .map(|p| {
            spans
                .iter()
                .position(|s| *s == (p.start, p.end))
                .unwrap_or_else(|| {
                    spans.push((p.start, p.end));
                    spans.len() - 1
                })
        })
        .collect();
    let starts: Vec<_> = spans.iter().map(|s| s.0).collect();
    let ends: Vec<_> = spans.iter().map(|s| s.1).collect();
    let rows = sqlx::query!(
        r#"select a.metric_key as "metric_key!", a.n as "n!", a.bucket, round(a.value, 2)::text as value
             from app.kpi_actuals($3::text[], $4, $5, $6, $1::date[], $2::date[]) a"#,
        &starts,
        &ends,
        metrics,
        kind,
        user,
        dept,
    )
    .fetch_all(&mut **tx)
    .await?;
    let mut by_span: HashMap<(String, usize), Actual> = HashMap::new();
    for row in rows {
        let span = usize::try_from(row.n - 1).unwrap_or(0);
        let value = row.value.as_deref().and_then(text_cents);
        let entry = by_span.entry((row.metric_key, span)).or_default();
        match row.bucket {
            None => entry.value = value,
            Some(bucket) => entry.breakdown.push((bucket, value.unwrap_or(0))),
        }
    }
    let mut out: HashMap<(String, usize), Actual> = HashMap::new();
    for ((metric, span), actual) in by_span {
        for (index, _) in slots.iter().enumerate().filter(|(_, s)| **s == span) {
            out.insert((metric.clone(), index), actual.clone());
        }
    }
    for actual in out.values_mut() {
        actual
            .breakdown
            .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    }
    Ok(out)
}
