//! POST /imports/{id}/revert (IMP-5).

use actix_web::{post, web};
use persistence::{imports, DbError};
use uuid::Uuid;

use super::RevertResult;
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::UserTx,
};

/// Removes every record the import created (leads and customers soft-deleted), in one
/// action; records it only matched or updated stay. Refused while it runs, and when a
/// created record is in use (an imported invoice a payment was allocated to).
#[utoipa::path(
    tag = "imports",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, description = "Reverted", body = RevertResult),
        (status = 404, description = "No such import you may see", body = ErrorBody),
        (status = 409, description = "Running, reverted already, or a created record is in use", body = ErrorBody),
    )
)]
#[post("/imports/{id}/revert")]
#[tracing::instrument(name = "POST /imports/{id}/revert", skip_all)]
pub async fn revert_import(ctx: UserTx, id: web::Path<Uuid>) -> ApiResult<web::Json<RevertResult>> {
    let UserTx { mut tx, .. } = ctx;
    let (removed, import) = imports::revert(&mut tx, id.into_inner()).await.map_err(|e| match e {
        DbError::InvalidValue(message) => ApiError::conflict(message),
        DbError::ForeignKey { .. } => ApiError::conflict(
            "a record this import created is in use (e.g. a payment is allocated to an imported invoice)",
        ),
        other => other.into(),
    })?;
    persistence::commit(tx).await?;
    Ok(web::Json(RevertResult {
        removed,
        import: import.into(),
    }))
}
