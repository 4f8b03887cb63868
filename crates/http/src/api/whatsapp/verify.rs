//! GET /webhooks/whatsapp: the subscription handshake of a direct Meta webhook (WA-1).

use actix_web::{get, web, HttpResponse};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    AppState,
};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VerifyQuery {
    /// `subscribe`.
    #[serde(rename = "hub.mode")]
    #[param(rename = "hub.mode")]
    pub mode: Option<String>,
    /// The token configured as `WHATSAPP_VERIFY_TOKEN`.
    #[serde(rename = "hub.verify_token")]
    #[param(rename = "hub.verify_token")]
    pub verify_token: Option<String>,
    /// Echoed back when the token matches.
    #[serde(rename = "hub.challenge")]
    #[param(rename = "hub.challenge")]
    pub challenge: Option<String>,
}

/// Answers Meta's verification request: the challenge as plain text when `hub.mode` is
/// `subscribe` and `hub.verify_token` equals `WHATSAPP_VERIFY_TOKEN`; 403 otherwise (also
/// when no token is configured).
#[utoipa::path(
    tag = "whatsapp",
    params(VerifyQuery),
    responses(
        (status = 200, description = "The challenge", body = String, content_type = "text/plain"),
        (status = 403, description = "Wrong mode or token", body = ErrorBody),
    )
)]
#[get("/webhooks/whatsapp")]
#[tracing::instrument(name = "GET /webhooks/whatsapp", skip_all)]
pub async fn verify_whatsapp(
    query: web::Query<VerifyQuery>,
    state: web::Data<AppState>,
) -> ApiResult<HttpResponse> {
    let expected = state.settings.whatsapp.verify_token.as_deref();
    let matches = expected.is_some_and(|token| {
        query.mode.as_deref() == Some("subscribe")
            && query
                .verify_token
                .as_deref()
                .is_some_and(|presented| crate::credentials::same_secret(presented, token))
    });
    match (matches, query.challenge.as_deref()) {
        (true, Some(challenge)) => Ok(HttpResponse::Ok()
            .content_type("text/plain; charset=utf-8")
            .body(challenge.to_owned())),
        _ => Err(ApiError::Forbidden),
    }
}
