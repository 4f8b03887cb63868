//! POST /notifications/{id}/read (NTF-1).

use actix_web::{post, web, HttpResponse};
use persistence::notifications;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Serialize, ToSchema)]
pub struct MarkedRead {
    /// How many notifications were marked.
    pub updated: u64,
}

/// Marks one of my notifications read.
#[utoipa::path(
    tag = "notifications",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Notification id")),
    responses(
        (status = 204, description = "Marked read"),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such notification of yours", body = ErrorBody),
    )
)]
#[post("/notifications/{id}/read")]
#[tracing::instrument(name = "POST /notifications/{id}/read", skip_all)]
pub async fn mark_read(ctx: UserTx, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, .. } = ctx;
    notifications::mark_read(&mut tx, id.into_inner()).await?;
    persistence::commit(tx).await?;
    Ok(HttpResponse::NoContent().finish())
}
