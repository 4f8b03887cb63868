//! Leads: the lead bundle (CRM-1), handover (CRM-2), lists with soft delete and restore
//! (CRM-6).

mod assign;
mod create;
mod delete;
mod dto;
mod get;
mod list;
mod update;

pub use assign::*;
pub use create::*;
pub use delete::*;
pub use dto::*;
pub use get::*;
pub use list::*;
pub use update::*;

/// Registers the operations of this sub-module.
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_leads)
        .service(create_lead)
        .service(get_lead)
        .service(update_lead)
        .service(delete_lead)
        .service(restore_lead)
        .service(assign_lead);
}
