//! POST /activities/{id}/restore: brings back a soft-deleted activity (managers).

use actix_web::{post, web};
use domain::crm::CrmAccess;
use persistence::crm::activities;
use uuid::Uuid;

use crate::{
    api::crm::require_role,
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

use super::dto::*;

/// Restores a soft-deleted activity (managers).
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Activity id")),
    responses(
        (status = 200, description = "The restored activity", body = Activity),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Only managers restore", body = ErrorBody),
        (status = 404, description = "No such deleted activity in your scope", body = ErrorBody),
    )
)]
#[post("/activities/{id}/restore")]
#[tracing::instrument(name = "POST /activities/{id}/restore", skip_all)]
pub async fn restore_activity(ctx: UserTx, id: web::Path<Uuid>) -> ApiResult<web::Json<Activity>> {
    let UserTx { mut tx, user } = ctx;
    require_role(&user, CrmAccess::manages)?;
    let id = id.into_inner();
    activities::set_deleted(&mut tx, id, false).await?;
    let row = activities::get(&mut tx, id).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(row.into()))
}
