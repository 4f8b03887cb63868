//! The one place routes are assembled: each module registers its operations through its
//! `routes()`; `openapi.rs` only describes the API.

use utoipa_actix_web::service_config::ServiceConfig;

use crate::api;

/// Every `/api/v1` operation, module by module.
pub(crate) fn api_v1(cfg: &mut ServiceConfig) {
    api::auth::routes(cfg);
    api::users::routes(cfg);
    api::reference::routes(cfg);
    api::api_keys::routes(cfg);
    api::integrations::routes(cfg);
    api::audit::routes(cfg);
    api::crm::routes(cfg);
    api::events::routes(cfg);
    api::dashboard::routes(cfg);
    api::notifications::routes(cfg);
    api::files::routes(cfg);
    api::tickets::routes(cfg);
    api::broadcasts::routes(cfg);
}

/// Routes outside `/api/v1` that are part of the API description.
pub(crate) fn probes(cfg: &mut ServiceConfig) {
    api::ops::routes(cfg);
}
