//! The date range every CRM report takes, and its percentages.

use chrono::{Datelike, Months, NaiveDate};
use persistence::crm::analytics::Range;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::{ApiError, ApiResult};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RangeQuery {
    /// First day (default: the first of the month five months ago — six months in all).
    pub from: Option<NaiveDate>,
    /// Last day, inclusive (default: today, Asia/Jakarta). At most 24 months after `from`.
    pub to: Option<NaiveDate>,
}

impl RangeQuery {
    pub(super) fn range(&self) -> ApiResult<Range> {
        let today = domain::jakarta_today();
        let to = self.to.unwrap_or(today);
        let from = self.from.unwrap_or_else(|| {
            to.with_day(1)
                .and_then(|d| d.checked_sub_months(Months::new(5)))
                .unwrap_or(to)
        });
        if to < from {
            return Err(ApiError::validation("to", "must not be before from"));
        }
        if from
            .checked_add_months(Months::new(24))
            .is_some_and(|limit| to >= limit)
        {
            return Err(ApiError::validation("to", "the range is at most 24 months"));
        }
        Ok(Range { from, to })
    }
}

/// Percent with one decimal; 0 when there is nothing to divide by.
pub(crate) fn pct(part: i64, whole: i64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        // Counts stay far below 2^52, so the conversion is exact.
        #[allow(clippy::cast_precision_loss)]
        let ratio = part as f64 * 100.0 / whole as f64;
        (ratio * 10.0).round() / 10.0
    }
}
