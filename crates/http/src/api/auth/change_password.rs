use actix_web::{post, HttpResponse};
use domain::{auth::NewPassword, FieldErrors};
use persistence::{auth, users};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::{
    credentials::{hash_password, verify_password},
    error::{ApiError, ApiResult, ErrorBody},
    extract::{UserTx, ValidJson},
};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangePasswordRequest {
    pub current_password: Option<String>,
    /// At least 8 characters.
    pub new_password: Option<String>,
}

/// Changes the signed-in user's password and ends every session of theirs, this one
/// included: their access tokens stop working at once; sign in with the new password.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    request_body = ChangePasswordRequest,
    responses(
        (status = 204, description = "Password changed"),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 422, description = "Wrong current password or weak new password", body = ErrorBody),
    )
)]
#[post("/auth/change-password")]
#[tracing::instrument(name = "POST /auth/change-password", skip_all)]
pub async fn change_password(
    ctx: UserTx,
    body: ValidJson<ChangePasswordRequest>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    let mut errors = FieldErrors::new();
    let current = body.value.current_password.unwrap_or_default();
    if current.is_empty() {
        errors.add("current_password", "is required");
    }
    let new_password = errors.take(
        "new_password",
        NewPassword::parse(body.value.new_password.as_deref().unwrap_or_default()),
    );
    errors.into_result().map_err(ApiError::Validation)?;
    let new_password =
        new_password.ok_or_else(|| ApiError::Internal("password parse invariant".to_owned()))?;

    let stored = auth::my_password_hash(&mut tx).await?;
    if !verify_password(current, Some(stored)).await? {
        return Err(ApiError::validation("current_password", "is not correct"));
    }
    let hash = hash_password(new_password.expose().to_owned()).await?;
    users::set_password(&mut tx, user.id, &hash).await?;
    auth::revoke_user_sessions(&mut tx, user.id).await?;
    persistence::commit(tx).await?;
    Ok(HttpResponse::NoContent().finish())
}
