//! GET /tasks/{id}: one task.

use actix_web::{get, web};
use persistence::crm::tasks;
use uuid::Uuid;

use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

use super::dto::*;

/// One task.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Task id")),
    responses(
        (status = 200, description = "The task", body = Task),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such task in your scope", body = ErrorBody),
    )
)]
#[get("/tasks/{id}")]
#[tracing::instrument(name = "GET /tasks/{id}", skip_all)]
pub async fn get_task(ctx: UserTx, id: web::Path<Uuid>) -> ApiResult<web::Json<Task>> {
    let UserTx { mut tx, .. } = ctx;
    let row = tasks::get(&mut tx, id.into_inner()).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(row.into()))
}
