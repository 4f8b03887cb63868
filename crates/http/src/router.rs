//! The one place routes are assembled: each module registers its operations through its
//! `routes()`; `openapi.rs` only describes the API.

use actix_web::{
    dev::{ServiceFactory, ServiceRequest},
    Error,
};
use utoipa_actix_web::{scope, service_config::ServiceConfig, UtoipaApp};

use crate::api;

/// Mounts the whole API on `app`: the probes and every `/api/v1` module. The server
/// (`web_app`) serves what this mounts and `openapi()` documents it, so the two agree.
pub(crate) fn mount<T>(app: UtoipaApp<T>) -> UtoipaApp<T>
where
    T: ServiceFactory<ServiceRequest, Config = (), Error = Error, InitError = ()>,
{
    app.configure(probes)
        .service(scope::scope("/api/v1").configure(api_v1))
}

/// Every `/api/v1` operation, module by module.
fn api_v1(cfg: &mut ServiceConfig) {
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
    api::ar::routes(cfg);
    api::kpi::routes(cfg);
    api::me_report::routes(cfg);
    api::imports::routes(cfg);
    api::whatsapp::routes(cfg);
    api::wa_analytics::routes(cfg);
    api::user_events::routes(cfg);
    api::news::routes(cfg);
}

/// Routes outside `/api/v1` that are part of the API description.
fn probes(cfg: &mut ServiceConfig) {
    api::health::routes(cfg);
}
