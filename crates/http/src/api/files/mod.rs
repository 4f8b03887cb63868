//! Files (`POST /files`, `GET /files/{id}`): uploads go to object storage under their
//! bucket (the rules in `domain::files`); downloads are checked by row-level security on
//! `files`.

mod download;
mod upload;

pub use download::*;
pub use upload::*;

/// Registers the operations of this module (literal paths before `{id}` paths).
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(upload_file).service(download_file);
}
