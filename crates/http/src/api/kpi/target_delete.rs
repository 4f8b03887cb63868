//! DELETE /kpi/targets/{id} (KPI-2).

use actix_web::{delete, web, HttpResponse};
use persistence::kpi::targets;
use uuid::Uuid;

use super::require_target_writer;
use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

/// Deletes a target you may set (audited).
#[utoipa::path(
    tag = "kpi",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Target id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 403, description = "Not a target you may set", body = ErrorBody),
        (status = 404, description = "No such target you may read", body = ErrorBody),
    )
)]
#[delete("/kpi/targets/{id}")]
#[tracing::instrument(name = "DELETE /kpi/targets/{id}", skip_all)]
pub async fn delete_target(ctx: UserTx, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_target_writer(&user)?;
    targets::delete(&mut tx, id.into_inner()).await?;
    persistence::commit(tx).await?;
    Ok(HttpResponse::NoContent().finish())
}
