//! DELETE /news/{id} (NEWS-1).

use actix_web::{delete, web, HttpResponse};
use persistence::news;
use uuid::Uuid;

use super::require_writer;
use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

/// Deletes a post (administrators): gone for every reader, kept for the audit trail.
#[utoipa::path(
    tag = "news",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Post id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Only administrators write news", body = ErrorBody),
        (status = 404, description = "No such post", body = ErrorBody),
    )
)]
#[delete("/news/{id}")]
#[tracing::instrument(name = "DELETE /news/{id}", skip_all)]
pub async fn delete_news(ctx: UserTx, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_writer(&user)?;
    news::delete(&mut tx, id.into_inner(), user.id).await?;
    persistence::commit(tx).await?;
    Ok(HttpResponse::NoContent().finish())
}
