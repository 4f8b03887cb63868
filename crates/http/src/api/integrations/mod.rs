//! Endpoints for machine principals (n8n) to check their credentials.

pub mod ping;

/// Registers the operations of this module (literal paths before `{id}` paths).
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(ping::ping_integration);
}
