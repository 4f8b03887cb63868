use actix_web::{get, web};
use domain::Capability;
use persistence::api_keys;
use serde::Deserialize;
use utoipa::IntoParams;

use super::ApiKey;
use crate::{
    api::{page_request, require, ListBody},
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListApiKeysQuery {
    /// Include revoked keys (default true).
    pub include_revoked: Option<bool>,
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

/// Lists API keys by prefix, newest first; never the keys themselves.
#[utoipa::path(
    tag = "api-keys",
    security(("bearer" = [])),
    params(ListApiKeysQuery),
    responses(
        (status = 200, description = "A page of API keys", body = ListBody<ApiKey>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not a super admin", body = ErrorBody),
    )
)]
#[get("/api-keys")]
#[tracing::instrument(name = "GET /api-keys", skip_all)]
pub async fn list_api_keys(
    ctx: UserTx,
    query: web::Query<ListApiKeysQuery>,
) -> ApiResult<web::Json<ListBody<ApiKey>>> {
    let UserTx { mut tx, user } = ctx;
    require(&user, Capability::ManageApiKeys)?;
    let page = page_request(query.page, query.per_page)?;
    let rows = api_keys::list(
        &mut tx,
        query.include_revoked.unwrap_or(true),
        page.limit(),
        page.offset(),
    )
    .await?;
    persistence::commit(tx).await?;
    Ok(web::Json(ListBody::new(rows, page, ApiKey::from)))
}
