//! Prospects (CRM-3): lists, detail with stage history, edits, stage changes.

mod delete;
mod dto;
mod get;
mod list;
mod restore;
mod stage;
mod update;

pub use delete::*;
pub use dto::*;
pub use get::*;
pub use list::*;
pub use restore::*;
pub use stage::*;
pub use update::*;

/// Registers the operations of this sub-module.
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_prospects)
        .service(get_prospect)
        .service(update_prospect)
        .service(delete_prospect)
        .service(change_stage)
        .service(restore_prospect);
}
