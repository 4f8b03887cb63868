//! TCK-3: the ticket queue, a ticket with its conversation, SLA trail and the AWB's
//! broadcasts, changes (status, priority, assignee, outcome) and comments. Who sees which
//! tickets is the database's decision (RLS: CS agents their own and the unassigned CS
//! queue, CS admins all, Operations their department, CRM roles their customers' tickets,
//! creators their own); Operations never receive the customer's identity (TCK-5).

mod attachment;
mod comment;
mod dto;
mod export;
mod get;
pub mod intake;
mod list;
pub mod rfqs;
mod sla;
pub mod sla_calendar;
mod update;

pub use attachment::*;
pub use comment::*;
pub use dto::*;
pub use export::*;
pub use get::*;
pub use list::*;
pub use sla::*;
pub use update::*;

/// Registers the operations of this module (literal paths before `{id}` paths).
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_tickets)
        .service(sla_report)
        .service(export_tickets)
        .service(sla_calendar::get_sla_calendar)
        .service(sla_calendar::put_holiday)
        .service(sla_calendar::delete_holiday)
        .service(intake::create_ticket)
        .service(get_ticket)
        .service(update_ticket)
        .service(replace_ticket)
        .service(add_comment)
        .service(add_attachment)
        .service(rfqs::list_rfqs)
        .service(rfqs::get_rfq);
}
