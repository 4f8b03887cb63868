use actix_web::{get, patch, web};
use domain::FieldErrors;
use persistence::users::{self, UserChanges};
use serde::Deserialize;
use utoipa::ToSchema;

use super::Me;
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::{UserTx, ValidJson},
};

/// The signed-in user, with the menus and capabilities of their role.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The signed-in user", body = Me),
        (status = 401, description = "Missing, invalid or expired token, or deactivated user", body = ErrorBody),
    )
)]
#[get("/auth/me")]
#[tracing::instrument(name = "GET /auth/me", skip_all)]
pub async fn get_me(ctx: UserTx) -> ApiResult<web::Json<Me>> {
    let UserTx { mut tx, user } = ctx;
    let row = users::get(&mut tx, user.id).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(Me::new(row, user.role)))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateMeRequest {
    pub full_name: Option<String>,
    /// `id` (Bahasa Indonesia) or `en`.
    pub language: Option<String>,
}

/// Edits the signed-in user's own name and language (USR-1).
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    request_body = UpdateMeRequest,
    responses(
        (status = 200, description = "Updated", body = Me),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 422, description = "Invalid fields", body = ErrorBody),
    )
)]
#[patch("/auth/me")]
#[tracing::instrument(name = "PATCH /auth/me", skip_all)]
pub async fn update_me(ctx: UserTx, body: ValidJson<UpdateMeRequest>) -> ApiResult<web::Json<Me>> {
    let UserTx { mut tx, user } = ctx;
    let changes = parse(body.value)?;
    let row = users::update(&mut tx, user.id, &changes).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(Me::new(row, user.role)))
}

fn parse(body: UpdateMeRequest) -> ApiResult<UserChanges> {
    let mut errors = FieldErrors::new();
    let full_name = body
        .full_name
        .and_then(|name| errors.take("full_name", domain::auth::parse_full_name(&name)));
    let language = body
        .language
        .and_then(|language| errors.take("language", crate::api::users::parse_language(&language)));
    errors.into_result().map_err(ApiError::Validation)?;
    Ok(UserChanges {
        full_name,
        language,
        ..UserChanges::default()
    })
}
