//! Follow-ups and to-dos (CRM-5, USR-1) and the calendar. Every signed-in user keeps
//! their own tasks; managers see their team's; the director reads all (row-level
//! security decides which rows; the director writes none).

mod calendar;
mod create;
mod delete;
mod dto;
mod get;
mod list;
mod update;

pub use calendar::*;
pub use create::*;
pub use delete::*;
pub use dto::*;
pub use get::*;
pub use list::*;
pub use update::*;

/// Registers the operations of this module (literal paths before `{id}` paths).
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_tasks)
        .service(create_task)
        .service(get_task)
        .service(update_task)
        .service(delete_task)
        .service(get_calendar);
}
