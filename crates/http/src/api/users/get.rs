use actix_web::{get, web};
use persistence::users;
use uuid::Uuid;

use super::User;
use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

/// One user.
#[utoipa::path(
    tag = "users",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "User id")),
    responses(
        (status = 200, description = "The user", body = User),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such user", body = ErrorBody),
    )
)]
#[get("/users/{id}")]
#[tracing::instrument(name = "GET /users/{id}", skip_all)]
pub async fn get_user(ctx: UserTx, id: web::Path<Uuid>) -> ApiResult<web::Json<User>> {
    let UserTx { mut tx, .. } = ctx;
    let row = users::get(&mut tx, id.into_inner()).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(row.into()))
}
