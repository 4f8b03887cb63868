use actix_web::{post, web};
use persistence::users::{self, UserChanges};
use uuid::Uuid;

use super::{require_manages, update::apply, User};
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::UserTx,
};

/// Deactivates a user: they cannot sign in, and their current tokens stop working on
/// their next request.
#[utoipa::path(
    tag = "users",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "User id")),
    responses(
        (status = 200, description = "Deactivated", body = User),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not allowed to manage this user", body = ErrorBody),
        (status = 404, description = "No such user", body = ErrorBody),
        (status = 422, description = "Cannot deactivate yourself", body = ErrorBody),
    )
)]
#[post("/users/{id}/deactivate")]
#[tracing::instrument(name = "POST /users/{id}/deactivate", skip_all)]
pub async fn deactivate_user(ctx: UserTx, id: web::Path<Uuid>) -> ApiResult<web::Json<User>> {
    let UserTx { mut tx, user } = ctx;
    let id = id.into_inner();
    let target = users::get(&mut tx, id).await?;
    require_manages(&user, target.role_name.0.as_str())?;
    if id == user.id {
        return Err(ApiError::validation("id", "you cannot deactivate yourself"));
    }
    let changes = UserChanges {
        is_active: Some(false),
        ..UserChanges::default()
    };
    let row = apply(&mut tx, id, &changes, None).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(row.into()))
}
