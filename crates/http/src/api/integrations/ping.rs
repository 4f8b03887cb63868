use actix_web::{get, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::{
    error::{ApiResult, ErrorBody},
    extract::KeyTx,
};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PingQuery {
    /// Also check that the key has this scope (403 if not), e.g. `tickets:write`.
    pub scope: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PingResponse {
    #[schema(example = "ok")]
    pub status: String,
    pub key_name: String,
    #[schema(example = json!(["tickets:write"]))]
    pub scopes: Vec<String>,
}

/// Tests an API key, e.g. from an n8n credential: returns the key's name and scopes.
#[utoipa::path(
    tag = "integrations",
    security(("api_key" = [])),
    params(PingQuery),
    responses(
        (status = 200, description = "The key is valid", body = PingResponse),
        (status = 401, description = "Missing, unknown or revoked key", body = ErrorBody),
        (status = 429, description = "The key is over its rate, or the client sent too many unknown keys; see `Retry-After`", body = ErrorBody),
        (status = 403, description = "The key lacks the requested scope", body = ErrorBody),
    )
)]
#[get("/integrations/ping")]
#[tracing::instrument(name = "GET /integrations/ping", skip_all)]
pub async fn ping_integration(
    ctx: KeyTx,
    query: web::Query<PingQuery>,
) -> ApiResult<web::Json<PingResponse>> {
    if let Some(scope) = query.scope.as_deref() {
        ctx.require_scope(scope)?;
    }
    let KeyTx { tx, key } = ctx;
    persistence::commit(tx).await?;
    Ok(web::Json(PingResponse {
        status: "ok".to_owned(),
        key_name: key.name,
        scopes: key.scopes,
    }))
}
