//! GET /notifications/unread-count (NTF-1).

use actix_web::{get, web};
use persistence::notifications;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Serialize, ToSchema)]
pub struct UnreadCount {
    pub unread: i64,
}

/// The unread count alone, for polling the bell.
#[utoipa::path(
    tag = "notifications",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Unread notifications", body = UnreadCount),
        (status = 401, description = "Not signed in", body = ErrorBody),
    )
)]
#[get("/notifications/unread-count")]
#[tracing::instrument(name = "GET /notifications/unread-count", skip_all)]
pub async fn unread_count(ctx: UserTx) -> ApiResult<web::Json<UnreadCount>> {
    let UserTx { mut tx, .. } = ctx;
    let unread = notifications::unread_count(&mut tx).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(UnreadCount { unread }))
}
