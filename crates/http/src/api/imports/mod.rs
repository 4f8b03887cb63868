//! Import Center (SPEC §4.8, IMP-1..5): spreadsheets uploaded and staged, their header
//! mapping checked and changed, processed in the background with progress, rows and
//! their errors listed and exported, imports reverted, and templates per module. Who
//! may import into a module follows the target's write rights; who sees an import is
//! the uploader, their department's manager and the super admin.

mod dto;
mod error_rows;
mod get;
mod list;
mod mapping;
mod modules;
mod process;
mod revert;
mod row_update;
mod rows;
mod staging;
mod template;
mod upload;

pub use dto::*;
pub use error_rows::*;
pub use get::*;
pub use list::*;
pub use mapping::*;
pub use modules::*;
pub use process::*;
pub use revert::*;
pub use row_update::*;
pub use rows::*;
pub use template::*;
pub use upload::*;

use domain::imports::ImportModule;
use persistence::UserPrincipal;

use crate::error::{ApiError, ApiResult};

/// The module named by `raw` (422 when unknown), if `user` may import into it (403).
pub(crate) fn importable(user: &UserPrincipal, raw: &str) -> ApiResult<ImportModule> {
    let module: ImportModule = raw
        .parse()
        .map_err(|e: domain::NotInSet| ApiError::validation("module", e.to_string()))?;
    if module.may_import(user.role) {
        Ok(module)
    } else {
        Err(ApiError::Forbidden)
    }
}

/// Registers the operations of this module (literal paths before `{id}` paths).
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_import_modules)
        .service(import_template)
        .service(export_import_rows)
        .service(upload_import)
        .service(list_imports)
        .service(get_import)
        .service(list_import_rows)
        .service(correct_import_row)
        .service(process_import)
        .service(set_import_mapping)
        .service(revert_import);
}
