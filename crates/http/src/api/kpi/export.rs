//! GET /exports/kpi-scorecard (EXP-1): the scorecard as .xlsx.

use actix_web::{get, web, HttpResponse};
use persistence::{kpi::scorecard, Page};

use super::{
    require_reader,
    scorecard::{parse_query, scorecard_body, ScorecardQuery},
    ScopeQuery, ScoreRow,
};
use crate::{
    api::sheet::{respond, text},
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

const HEADERS: &[&str] = &[
    "Metric key",
    "Metric",
    "Department",
    "Unit",
    "Direction",
    "Source",
    "Target",
    "Actual",
    "Achievement %",
    "Status",
];

fn cells(r: &ScoreRow) -> Vec<String> {
    vec![
        r.metric_key.clone(),
        r.name.clone(),
        r.dept.clone(),
        r.unit.as_str().to_owned(),
        r.direction.as_str().to_owned(),
        r.source.as_str().to_owned(),
        text(r.target.as_deref()),
        r.actual.clone().unwrap_or_else(|| "NA".to_owned()),
        text(r.achievement_pct.as_deref()),
        r.status.as_str().to_owned(),
    ]
}

/// Exports the scorecard `GET kpi/scorecard` shows for the same filters.
#[utoipa::path(tag = "kpi", security(("bearer" = [])), params(ScorecardQuery, ScopeQuery),
    responses((status = 200, description = "The workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
              (status = 403, description = "Not a scorecard you may see", body = ErrorBody),
              (status = 404, description = "No such user or team", body = ErrorBody),
              (status = 422, description = "Bad period or assignee", body = ErrorBody)))]
#[get("/exports/kpi-scorecard")]
#[tracing::instrument(name = "GET /exports/kpi-scorecard", skip_all)]
pub async fn export_scorecard(
    ctx: UserTx,
    query: web::Query<ScorecardQuery>,
    scope: web::Query<ScopeQuery>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_reader(&user)?;
    let (period, _, assignee) = parse_query(&query, &scope, &user)?;
    let card = scorecard::load(&mut tx, assignee, period, domain::jakarta_today(), 1).await?;
    persistence::commit(tx).await?;
    let rows = scorecard_body(&card).rows;
    let total = i64::try_from(rows.len()).unwrap_or(i64::MAX);
    let page = Page {
        rows,
        total,
        capped: false,
    };
    respond("kpi-scorecard", "KPI scorecard", HEADERS, page, cells).await
}
