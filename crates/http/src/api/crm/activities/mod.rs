//! Sales activities (CRM-4): minimal logging; a visit carries a photo and GPS; the
//! server stamps the time; a next action becomes a follow-up task (CRM-5). Who sees and
//! edits which activities is the database's decision (row-level security); the handlers
//! add the role checks of SPEC §3.

mod create;
mod delete;
mod dto;
mod get;
mod list;
mod restore;
mod update;

pub use create::*;
pub use delete::*;
pub use dto::*;
pub use get::*;
pub use list::*;
pub use restore::*;
pub use update::*;

// The bucket visit photos live in (kept at its old path).
pub use domain::crm::activity::EVIDENCE_BUCKET;

/// Registers the operations of this module (literal paths before `{id}` paths).
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_activities)
        .service(create_activity)
        .service(get_activity)
        .service(update_activity)
        .service(delete_activity)
        .service(restore_activity);
}
