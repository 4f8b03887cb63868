use actix_web::{post, web, HttpRequest, HttpResponse};
use persistence::{auth, user_events, Identity, RequestContext};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::{
    api::user_events::record::client,
    credentials::sha256_hex,
    error::{ApiResult, ErrorBody},
    extract::{request_id, ValidJson},
    state::AppState,
};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LogoutRequest {
    pub refresh_token: String,
}

/// Ends the session of a refresh token (its whole family is revoked). Always 204, so it
/// reveals nothing about the token.
#[utoipa::path(
    tag = "auth",
    request_body = LogoutRequest,
    responses(
        (status = 204, description = "Signed out"),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
    )
)]
#[post("/auth/logout")]
#[tracing::instrument(name = "POST /auth/logout", skip_all)]
pub async fn logout(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: ValidJson<LogoutRequest>,
) -> ApiResult<HttpResponse> {
    let ctx = RequestContext::new(Identity::Anonymous, request_id(&req));
    let (mut tx, _) = state.db.begin(&ctx).await?;
    let token_hash = sha256_hex(body.value.refresh_token.trim());
    user_events::logout(&mut tx, &token_hash, &client(&req)).await?;
    auth::end_session(&mut tx, &token_hash).await?;
    persistence::commit(tx).await?;
    Ok(HttpResponse::NoContent().finish())
}
