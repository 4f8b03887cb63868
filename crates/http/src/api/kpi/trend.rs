//! GET /kpi/trend (KPI-4): one metric, target vs actual per month.

use actix_web::{get, web};
use persistence::kpi::scorecard;
use serde::Deserialize;
use utoipa::IntoParams;

use super::{
    require_reader,
    scorecard::{parse_query, ScorecardQuery},
    AssigneeBody, Metric, ScopeQuery, TrendBody, TrendPoint,
};
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TrendQuery {
    pub metric_key: String,
    /// The last month of the trend, `2026-11` (default: this month); a quarter or year
    /// ends the trend with its last month.
    pub period: Option<String>,
    /// Months (1–24, default 6).
    pub months: Option<u32>,
}

/// Target vs actual of one metric per month for yourself (default), a user, team,
/// department or the company — the education line's "target omzet" and "target siswa"
/// charts (seed 003).
#[utoipa::path(
    tag = "kpi",
    security(("bearer" = [])),
    params(TrendQuery, ScopeQuery),
    responses(
        (status = 200, description = "The monthly points, oldest first", body = TrendBody),
        (status = 403, description = "Not a scorecard you may see", body = ErrorBody),
        (status = 404, description = "No such user or team", body = ErrorBody),
        (status = 404, description = "No such metric or user", body = ErrorBody),
        (status = 422, description = "Bad period, months or assignee", body = ErrorBody),
    )
)]
#[get("/kpi/trend")]
#[tracing::instrument(name = "GET /kpi/trend", skip_all)]
pub async fn kpi_trend(
    ctx: UserTx,
    query: web::Query<TrendQuery>,
    scope: web::Query<ScopeQuery>,
) -> ApiResult<web::Json<TrendBody>> {
    let UserTx { mut tx, user } = ctx;
    require_reader(&user)?;
    let asked = ScorecardQuery {
        period: query.period.clone(),
        months: query.months,
    };
    let (period, months, assignee) = parse_query(&asked, &scope, &user)?;
    let today = domain::jakarta_today();
    let (metric, info, points) =
        scorecard::trend(&mut tx, &query.metric_key, assignee, period, months, today)
            .await
            .map_err(ApiError::from)?;
    persistence::commit(tx).await?;
    Ok(web::Json(TrendBody {
        metric: Metric::from(metric),
        assignee: AssigneeBody::new(assignee, info.name, info.dept),
        points: points.iter().map(TrendPoint::from).collect(),
    }))
}
