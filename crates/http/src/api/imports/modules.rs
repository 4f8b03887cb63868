//! GET /imports/modules.

use actix_web::{get, web};
use domain::imports::ImportModule;

use super::ImportModuleInfo;
use crate::{error::ApiResult, extract::UserTx};

/// The modules you may import into, with the columns each reads (for the mapping
/// editor and the templates).
#[utoipa::path(
    tag = "imports",
    security(("bearer" = [])),
    responses((status = 200, description = "Modules and their columns", body = Vec<ImportModuleInfo>))
)]
#[get("/imports/modules")]
#[tracing::instrument(name = "GET /imports/modules", skip_all)]
pub async fn list_import_modules(ctx: UserTx) -> ApiResult<web::Json<Vec<ImportModuleInfo>>> {
    let UserTx { tx, user } = ctx;
    persistence::commit(tx).await?;
    let modules = ImportModule::importable_by(user.role);
    Ok(web::Json(
        modules.into_iter().map(ImportModuleInfo::of).collect(),
    ))
}
