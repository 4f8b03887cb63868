//! DELETE /tasks/{id}: soft-deletes a task.

use actix_web::{delete, web, HttpResponse};
use domain::crm::task::writes_tasks;
use persistence::crm::tasks;
use uuid::Uuid;

use crate::{
    api::crm::require_role,
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

/// Soft-deletes a task.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Task id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Read-only role", body = ErrorBody),
        (status = 404, description = "No such task in your scope", body = ErrorBody),
    )
)]
#[delete("/tasks/{id}")]
#[tracing::instrument(name = "DELETE /tasks/{id}", skip_all)]
pub async fn delete_task(ctx: UserTx, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_role(&user, writes_tasks)?;
    tasks::set_deleted(&mut tx, id.into_inner(), true).await?;
    persistence::commit(tx).await?;
    Ok(HttpResponse::NoContent().finish())
}
