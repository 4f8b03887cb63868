use actix_web::{post, web, HttpRequest, HttpResponse};
use chrono::Utc;
use persistence::{auth, auth::Rotation, Identity, RequestContext};
use serde::Deserialize;
use utoipa::ToSchema;

use super::{login::session_response, SessionResponse};
use crate::{
    credentials::{new_refresh_token, sha256_hex},
    error::{ApiError, ApiResult, ErrorBody},
    extract::{request_id, ValidJson},
    state::AppState,
};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    pub refresh_token: String,
}

/// Exchanges a refresh token for a new session (AUTH-2).
///
/// Each refresh token works once. Presenting one that was already used revokes every
/// token of its session family: a stolen token is useless after the owner refreshes.
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 200, description = "New tokens", body = SessionResponse),
        (status = 401, description = "Unknown, expired, revoked or reused refresh token", body = ErrorBody),
    )
)]
#[post("/auth/refresh")]
#[tracing::instrument(name = "POST /auth/refresh", skip_all)]
pub async fn refresh_session(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: ValidJson<RefreshRequest>,
) -> ApiResult<HttpResponse> {
    let presented = sha256_hex(body.value.refresh_token.trim());
    let new_token = new_refresh_token();
    let expires_at = Utc::now() + state.settings.refresh_ttl;
    let ctx = RequestContext::new(Identity::Anonymous, request_id(&req));
    let (mut tx, _) = state.db.begin(&ctx).await?;
    let rotation =
        auth::rotate_refresh(&mut tx, &presented, &sha256_hex(&new_token), expires_at).await?;
    // Commit in every case: a detected reuse must keep its family revoked.
    persistence::commit(tx).await?;
    match rotation {
        Rotation::Rotated(session) => session_response(&state, &req, session, new_token).await,
        Rotation::Reused => {
            tracing::warn!("refresh token reuse detected; session family revoked");
            Err(ApiError::Unauthorized)
        }
        Rotation::Invalid => Err(ApiError::Unauthorized),
    }
}
