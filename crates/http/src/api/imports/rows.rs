//! GET /imports/{id}/rows (IMP-2).

use actix_web::{get, web};
use domain::imports::RowStatus;
use persistence::imports;
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use super::ImportRow;
use crate::{
    api::{page_request, ListBody},
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportRowsQuery {
    pub status: Option<RowStatus>,
    #[param(minimum = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<i64>,
}

/// The import's rows in spreadsheet order, with their cells as written, outcome and
/// field-level errors (Indonesian and English).
#[utoipa::path(
    tag = "imports",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ImportRowsQuery),
    responses(
        (status = 200, description = "A page of rows", body = ListBody<ImportRow>),
        (status = 404, description = "No such import you may see", body = ErrorBody),
    )
)]
#[get("/imports/{id}/rows")]
#[tracing::instrument(name = "GET /imports/{id}/rows", skip_all)]
pub async fn list_import_rows(
    ctx: UserTx,
    id: web::Path<Uuid>,
    query: web::Query<ImportRowsQuery>,
) -> ApiResult<web::Json<ListBody<ImportRow>>> {
    let UserTx { mut tx, .. } = ctx;
    let page = page_request(query.page, query.per_page)?;
    let import = imports::get(&mut tx, id.into_inner()).await?;
    let rows = imports::rows(&mut tx, import.id, query.status, page).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(ListBody::new(rows, page, ImportRow::from)))
}
