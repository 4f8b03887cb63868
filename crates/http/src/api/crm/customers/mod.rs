//! Customers: lists (CRM-6), Customer 360 and timeline (CRM-8), duplicate review and
//! merge (CRM-9).

mod documents;
mod dto;
mod duplicates;
mod get;
mod list;
mod merge;
mod timeline;
mod update;

pub use documents::*;
pub use dto::*;
pub use duplicates::*;
pub use get::*;
pub use list::*;
pub use merge::*;
pub use timeline::*;
pub use update::*;

/// Registers the operations of this sub-module.
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_customers)
        .service(list_duplicates)
        .service(merge_customers)
        .service(get_customer)
        .service(update_customer)
        .service(customer_timeline)
        .service(add_document);
}
