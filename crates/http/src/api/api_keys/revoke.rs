use actix_web::{delete, web, HttpResponse};
use domain::Capability;
use persistence::api_keys;
use uuid::Uuid;

use crate::{
    api::require,
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

/// Revokes an API key; requests with it get 401 from now on.
#[utoipa::path(
    tag = "api-keys",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "API key id")),
    responses(
        (status = 204, description = "Revoked"),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not a super admin", body = ErrorBody),
        (status = 404, description = "No such key", body = ErrorBody),
    )
)]
#[delete("/api-keys/{id}")]
#[tracing::instrument(name = "DELETE /api-keys/{id}", skip_all)]
pub async fn revoke_api_key(ctx: UserTx, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require(&user, Capability::ManageApiKeys)?;
    api_keys::revoke(&mut tx, id.into_inner()).await?;
    persistence::commit(tx).await?;
    Ok(HttpResponse::NoContent().finish())
}
