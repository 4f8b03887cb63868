//! GET /kpi/periods (KPI-5): closes and their history.

use actix_web::{get, web};
use persistence::kpi::closes;
use serde::Deserialize;
use utoipa::IntoParams;

use super::{require_reader, PeriodClose};
use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeriodQuery {
    /// `2026-11`, `2026-Q4` or `2026`.
    pub period: Option<String>,
    pub dept: Option<String>,
}

/// Every close of periods (standing and reopened, all revisions), newest first.
#[utoipa::path(
    tag = "kpi",
    security(("bearer" = [])),
    params(PeriodQuery),
    responses(
        (status = 200, description = "The closes", body = Vec<PeriodClose>),
        (status = 403, description = "This role has no KPI", body = ErrorBody),
    )
)]
#[get("/kpi/periods")]
#[tracing::instrument(name = "GET /kpi/periods", skip_all)]
pub async fn list_periods(
    ctx: UserTx,
    query: web::Query<PeriodQuery>,
) -> ApiResult<web::Json<Vec<PeriodClose>>> {
    let UserTx { mut tx, user } = ctx;
    require_reader(&user)?;
    let rows = closes::list(&mut tx, query.period.as_deref(), query.dept.as_deref()).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(rows.into_iter().map(PeriodClose::from).collect()))
}
