//! POST /notifications/read-all (NTF-1).

use actix_web::{post, web};
use persistence::notifications;

use super::MarkedRead;
use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

/// Marks all my notifications read.
#[utoipa::path(
    tag = "notifications",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Marked", body = MarkedRead),
        (status = 401, description = "Not signed in", body = ErrorBody),
    )
)]
#[post("/notifications/read-all")]
#[tracing::instrument(name = "POST /notifications/read-all", skip_all)]
pub async fn mark_all_read(ctx: UserTx) -> ApiResult<web::Json<MarkedRead>> {
    let UserTx { mut tx, .. } = ctx;
    let updated = notifications::mark_all_read(&mut tx).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(MarkedRead { updated }))
}
