//! The pipeline board and the forecast (CRM-3), one file per operation.

pub mod board;
pub mod forecast;

pub use board::*;
pub use forecast::*;

/// Registers the operations of this sub-module.
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(board::get_pipeline)
        .service(forecast::get_forecast);
}
