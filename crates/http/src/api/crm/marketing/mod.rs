//! Marketing inputs of CRM-7: channels, products, ad spend and marketing events. Spend
//! and events are read by marketing, super_admin and the director and entered by
//! marketing and super_admin (`domain::crm::marketing::MarketingAccess`).

mod channel_list;
mod dto;
mod event_create;
mod event_list;
mod product_create;
mod product_list;
mod spend_create;
mod spend_list;

pub use channel_list::*;
pub use dto::*;
pub use event_create::*;
pub use event_list::*;
pub use product_create::*;
pub use product_list::*;
pub use spend_create::*;
pub use spend_list::*;

/// Registers the operations of this module.
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_channels)
        .service(list_products)
        .service(create_product)
        .service(list_spend)
        .service(create_spend)
        .service(list_events)
        .service(create_event);
}
