//! GET /kpi/metrics (KPI-1).

use actix_web::{get, web};
use persistence::kpi::definitions;

use super::{require_reader, Metric};
use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

/// Every KPI metric: unit, direction, source (AUTO, MANUAL, IMPORTED), aggregation and how
/// the actual is computed.
#[utoipa::path(
    tag = "kpi",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The metrics, in display order", body = Vec<Metric>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "This role has no KPI", body = ErrorBody),
    )
)]
#[get("/kpi/metrics")]
#[tracing::instrument(name = "GET /kpi/metrics", skip_all)]
pub async fn list_metrics(ctx: UserTx) -> ApiResult<web::Json<Vec<Metric>>> {
    let UserTx { mut tx, user } = ctx;
    require_reader(&user)?;
    let metrics = definitions::list(&mut tx).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(metrics.into_iter().map(Metric::from).collect()))
}
