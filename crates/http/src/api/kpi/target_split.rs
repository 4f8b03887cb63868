//! POST /kpi/targets/{id}/split (KPI-2): a quarterly or yearly target into months.

use actix_web::{post, web, HttpResponse};
use persistence::kpi::targets_bulk as targets;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::{require_target_writer, target_failure, Target};
use crate::{
    error::{ApiResult, ErrorBody},
    extract::{UserTx, ValidJson},
};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SplitTargetRequest {
    /// One weight per month (e.g. `[1, 1, 2]`); even when absent.
    pub weights: Option<Vec<u32>>,
}

/// Replaces a target of two or more whole months by one target per month: a sum metric's
/// value shared evenly or by weights (to the cent, the parts sum to the whole); any other
/// metric keeps its value each month.
#[utoipa::path(
    tag = "kpi",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Target id")),
    request_body = SplitTargetRequest,
    responses(
        (status = 200, description = "The monthly targets, oldest first", body = Vec<Target>),
        (status = 403, description = "Not a target you may set", body = ErrorBody),
        (status = 404, description = "No such target you may read", body = ErrorBody),
        (status = 422, description = "Not whole months, or bad weights", body = ErrorBody),
    )
)]
#[post("/kpi/targets/{id}/split")]
#[tracing::instrument(name = "POST /kpi/targets/{id}/split", skip_all)]
pub async fn split_target(
    ctx: UserTx,
    id: web::Path<Uuid>,
    body: ValidJson<SplitTargetRequest>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_target_writer(&user)?;
    match targets::split(&mut tx, id.into_inner(), body.value.weights.as_deref()).await {
        Ok(rows) => {
            persistence::commit(tx).await?;
            Ok(HttpResponse::Ok().json(rows.into_iter().map(Target::from).collect::<Vec<_>>()))
        }
        Err(err) => target_failure(err),
    }
}
