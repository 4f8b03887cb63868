//! POST /prospects/{id}/restore (managers).

use actix_web::{post, web};
use domain::crm::CrmAccess;
use persistence::crm::prospects::{self};
use uuid::Uuid;

use super::super::require_role;
use super::*;
use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

/// Restores a soft-deleted prospect (managers).
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Prospect id")),
    responses(
        (status = 200, description = "The restored prospect", body = ProspectDetail),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Only managers restore", body = ErrorBody),
        (status = 404, description = "No such deleted prospect in your scope", body = ErrorBody),
    )
)]
#[post("/prospects/{id}/restore")]
#[tracing::instrument(name = "POST /prospects/{id}/restore", skip_all)]
pub async fn restore_prospect(
    ctx: UserTx,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<ProspectDetail>> {
    let UserTx { mut tx, user } = ctx;
    require_role(&user, CrmAccess::manages)?;
    let id = id.into_inner();
    prospects::set_deleted(&mut tx, id, false).await?;
    let detail = load_detail(&mut tx, id).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(detail))
}
