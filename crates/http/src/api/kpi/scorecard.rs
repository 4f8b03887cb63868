//! GET /kpi/scorecard (KPI-4, SPEC §4.12).

use actix_web::{get, web};
use domain::kpi::{assignee::Assignee, period::Period};
use persistence::kpi::scorecard::{self, Scorecard};
use serde::Deserialize;
use utoipa::IntoParams;

use super::{parse_period, require_reader, AssigneeBody, ScopeQuery, ScoreRow, ScorecardBody};
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::UserTx,
};

/// Trend months when not asked (seed 003: a 6-month trend).
pub const DEFAULT_TREND_MONTHS: u32 = 6;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ScorecardQuery {
    /// `2026-11`, `2026-Q4` or `2026` (default: this month, Asia/Jakarta).
    pub period: Option<String>,
    /// Months of trend per row (1–24, default 6).
    pub months: Option<u32>,
}

/// The checked period and trend length of a scorecard request.
pub(crate) fn parse_query(
    q: &ScorecardQuery,
    scope: &ScopeQuery,
    user: &persistence::UserPrincipal,
) -> ApiResult<(Period, u32, Assignee)> {
    let mut errors = domain::FieldErrors::new();
    let period = parse_period(q.period.as_deref())
        .map_err(|e| errors.merge(e))
        .ok();
    let months = q.months.unwrap_or(DEFAULT_TREND_MONTHS);
    if !(1..=24).contains(&months) {
        errors.add("months", "must be between 1 and 24");
    }
    let assignee = scope.assignee(user).map_err(|e| errors.merge(e));
    match (period, assignee, errors.is_empty()) {
        (Some(p), Ok(a), true) => Ok((p, months, a)),
        _ => Err(ApiError::Validation(errors)),
    }
}

/// Builds the response body of a scorecard.
pub(crate) fn scorecard_body(card: &Scorecard) -> ScorecardBody {
    let a = card.assignee.assignee;
    ScorecardBody {
        period: card.period.label(),
        period_start: card.period.start,
        period_end: card.period.end,
        elapsed_days: card.elapsed_days,
        days: card.period.days(),
        assignee: AssigneeBody::new(a, card.assignee.name.clone(), card.assignee.dept.clone()),
        rows: card
            .rows
            .iter()
            .map(|r| ScoreRow::new(r, &card.period, a))
            .collect(),
    }
}

/// The scorecard of yourself (default), a user, a team, a department or the company for a
/// period: per metric target, actual (`null` + `na` where no data source exists), achievement,
/// status (judged by the share of the period elapsed) and a monthly trend. The same period
/// means the same Asia/Jakarta days for every metric.
#[utoipa::path(
    tag = "kpi",
    security(("bearer" = [])),
    params(ScorecardQuery, ScopeQuery),
    responses(
        (status = 200, description = "The scorecard", body = ScorecardBody),
        (status = 403, description = "Not a scorecard you may see", body = ErrorBody),
        (status = 404, description = "No such user or team", body = ErrorBody),
        (status = 404, description = "No such user", body = ErrorBody),
        (status = 422, description = "Bad period, months or assignee", body = ErrorBody),
    )
)]
#[get("/kpi/scorecard")]
#[tracing::instrument(name = "GET /kpi/scorecard", skip_all)]
pub async fn kpi_scorecard(
    ctx: UserTx,
    query: web::Query<ScorecardQuery>,
    scope: web::Query<ScopeQuery>,
) -> ApiResult<web::Json<ScorecardBody>> {
    let UserTx { mut tx, user } = ctx;
    require_reader(&user)?;
    let (period, months, assignee) = parse_query(&query, &scope, &user)?;
    let card = scorecard::load(&mut tx, assignee, period, domain::jakarta_today(), months).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(scorecard_body(&card)))
}
