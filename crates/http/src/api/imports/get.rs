//! GET /imports/{id} (IMP-2).

use actix_web::{get, web};
use persistence::imports;
use uuid::Uuid;

use super::Import;
use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

/// An import with its progress and counts (the SPA also follows `import.progress`
/// events on `GET /events`).
#[utoipa::path(
    tag = "imports",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, description = "The import", body = Import),
        (status = 404, description = "No such import you may see", body = ErrorBody),
    )
)]
#[get("/imports/{id}")]
#[tracing::instrument(name = "GET /imports/{id}", skip_all)]
pub async fn get_import(ctx: UserTx, id: web::Path<Uuid>) -> ApiResult<web::Json<Import>> {
    let UserTx { mut tx, .. } = ctx;
    let import = imports::get(&mut tx, id.into_inner()).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(import.into()))
}
