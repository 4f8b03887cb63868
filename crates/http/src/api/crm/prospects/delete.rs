//! DELETE /prospects/{id}: soft delete.

use actix_web::{delete, web, HttpResponse};
use domain::crm::CrmAccess;
use persistence::crm::prospects::{self};
use uuid::Uuid;

use super::super::require_role;
use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

/// Soft-deletes a prospect (it leaves the pipeline).
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Prospect id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "This role does not work the pipeline", body = ErrorBody),
        (status = 404, description = "No such live prospect in your scope", body = ErrorBody),
    )
)]
#[delete("/prospects/{id}")]
#[tracing::instrument(name = "DELETE /prospects/{id}", skip_all)]
pub async fn delete_prospect(ctx: UserTx, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_role(&user, CrmAccess::works_pipeline)?;
    prospects::set_deleted(&mut tx, id.into_inner(), true).await?;
    persistence::commit(tx).await?;
    Ok(HttpResponse::NoContent().finish())
}
