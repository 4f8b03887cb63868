//! Liveness and readiness probes.

use actix_web::{get, web, HttpRequest, HttpResponse};
use persistence::{health, Identity, RequestContext};
use serde::Serialize;
use utoipa::ToSchema;

use crate::{extract::request_id, state::AppState};

#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    #[schema(example = "ok")]
    pub status: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Readiness {
    /// `ready` or `not_ready`.
    pub status: String,
    /// Whether the database answered.
    pub database: bool,
    /// Newest migration applied to the database.
    pub schema_version: Option<i64>,
    /// Newest migration this server expects.
    pub expected_schema_version: Option<i64>,
}

/// The process is up.
#[utoipa::path(tag = "ops", responses((status = 200, description = "Alive", body = Health)))]
#[get("/healthz")]
pub async fn healthz() -> web::Json<Health> {
    web::Json(Health {
        status: "ok".to_owned(),
    })
}

/// Ready to serve: the database is reachable and its migrations are current.
#[utoipa::path(
    tag = "ops",
    responses(
        (status = 200, description = "Ready", body = Readiness),
        (status = 503, description = "Database unreachable or migrations behind", body = Readiness),
    )
)]
#[get("/readyz")]
pub async fn readyz(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let expected = persistence::latest_migration();
    let ctx = RequestContext::new(Identity::Anonymous, request_id(&req));
    let applied = match state.db.begin(&ctx).await {
        Ok((mut tx, _)) => {
            let version = health::schema_version(&mut tx).await;
            let _ = persistence::commit(tx).await;
            version.ok()
        }
        Err(_) => None,
    };
    let database = applied.is_some();
    let schema_version = applied.flatten();
    let ready = database && schema_version == expected;
    let body = Readiness {
        status: if ready { "ready" } else { "not_ready" }.to_owned(),
        database,
        schema_version,
        expected_schema_version: expected,
    };
    if ready {
        HttpResponse::Ok().json(body)
    } else {
        HttpResponse::ServiceUnavailable()
            .insert_header((
                "Retry-After",
                crate::error::UNAVAILABLE_RETRY_AFTER_SECS.to_string(),
            ))
            .json(body)
    }
}

/// Registers the health probes (outside `/api/v1`).
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(healthz).service(readyz);
}
