//! GET /imports (IMP-2: the history).

use actix_web::{get, web};
use domain::imports::ImportModule;
use persistence::imports;
use serde::Deserialize;
use utoipa::IntoParams;

use super::Import;
use crate::{
    api::{page_request, ListBody},
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportListQuery {
    pub module: Option<ImportModule>,
    #[param(minimum = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<i64>,
}

/// The imports you may see (yours; your department's for its manager; all for the
/// super admin), newest first, with who, when and the counts.
#[utoipa::path(
    tag = "imports",
    security(("bearer" = [])),
    params(ImportListQuery),
    responses(
        (status = 200, description = "A page of imports", body = ListBody<Import>),
        (status = 422, description = "Invalid filters", body = ErrorBody),
    )
)]
#[get("/imports")]
#[tracing::instrument(name = "GET /imports", skip_all)]
pub async fn list_imports(
    ctx: UserTx,
    query: web::Query<ImportListQuery>,
) -> ApiResult<web::Json<ListBody<Import>>> {
    let UserTx { mut tx, .. } = ctx;
    let page = page_request(query.page, query.per_page)?;
    let rows = imports::list(&mut tx, query.module, page).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(ListBody::new(rows, page, Import::from)))
}
