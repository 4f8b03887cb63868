//! KPI-5: the shape of a period close.

use chrono::{DateTime, NaiveDate, Utc};
use domain::{kpi::period::Period, Department, FieldErrors};
use persistence::kpi::closes::CloseRow;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// A close of a period for one department's metrics; reopened ones stay as history.
#[derive(Debug, Serialize, ToSchema)]
pub struct PeriodClose {
    pub id: Uuid,
    /// `2026-11`, `2026-Q4` or `2026`.
    pub period: String,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub dept: String,
    /// 1 for the first close; each close after a reopen is the next.
    pub revision: i32,
    pub closed_by: Option<Uuid>,
    pub closed_at: DateTime<Utc>,
    pub reopened_by: Option<Uuid>,
    pub reopened_at: Option<DateTime<Utc>>,
    pub reopen_reason: Option<String>,
    /// Figures frozen (metric × assignee).
    pub values: i64,
}

impl From<CloseRow> for PeriodClose {
    fn from(c: CloseRow) -> Self {
        Self {
            id: c.id,
            period: c.period,
            period_start: c.period_start,
            period_end: c.period_end,
            dept: c.dept,
            revision: c.revision,
            closed_by: c.closed_by,
            closed_at: c.closed_at,
            reopened_by: c.reopened_by,
            reopened_at: c.reopened_at,
            reopen_reason: c.reopen_reason,
            values: c.values,
        }
    }
}

/// A period that has ended and a department: what a close or reopen names.
pub(crate) fn ended_period_and_dept(
    errors: &mut FieldErrors,
    period: Option<&str>,
    dept: Option<&str>,
    today: NaiveDate,
) -> Option<(Period, Department)> {
    let period = match period.map(str::trim).filter(|p| !p.is_empty()) {
        None => {
            errors.add("period", "is required");
            None
        }
        Some(raw) => errors.take("period", Period::parse(raw)),
    };
    if period.is_some_and(|p| p.end >= today) {
        errors.add(
            "period",
            "has not ended yet: a period is closed after its last day",
        );
    }
    let dept = match dept.map(str::trim).filter(|d| !d.is_empty()) {
        None => {
            errors.add("dept", "is required");
            None
        }
        Some(raw) => errors.take(
            "dept",
            raw.parse::<Department>().map_err(|_| "is not a department"),
        ),
    };
    period.zip(dept)
}
