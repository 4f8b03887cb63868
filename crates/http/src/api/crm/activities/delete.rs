//! DELETE /activities/{id}: soft-deletes a hand-logged activity.

use actix_web::{delete, web, HttpResponse};
use domain::crm::CrmAccess;
use persistence::crm::activities;
use uuid::Uuid;

use crate::{
    api::crm::require_role,
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

/// Soft-deletes a hand-logged activity.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Activity id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "This role does not log activities", body = ErrorBody),
        (status = 404, description = "No such editable activity in your scope", body = ErrorBody),
    )
)]
#[delete("/activities/{id}")]
#[tracing::instrument(name = "DELETE /activities/{id}", skip_all)]
pub async fn delete_activity(ctx: UserTx, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_role(&user, CrmAccess::logs_activities)?;
    activities::set_deleted(&mut tx, id.into_inner(), true).await?;
    persistence::commit(tx).await?;
    Ok(HttpResponse::NoContent().finish())
}
