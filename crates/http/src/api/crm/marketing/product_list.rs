//! GET /products: the services and programs the company sells.

use actix_web::{get, web};
use persistence::crm::marketing::{self, ProductFilter};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::{
    api::{crm::text, page_request, ListBody},
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

use super::dto::*;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProductQuery {
    pub q: Option<String>,
    pub service: Option<String>,
    pub is_active: Option<bool>,
    #[param(minimum = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<i64>,
}

/// Services and programs the company sells.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(ProductQuery),
    responses(
        (status = 200, description = "A page of products", body = ListBody<Product>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 422, description = "Invalid paging", body = ErrorBody),
    )
)]
#[get("/products")]
#[tracing::instrument(name = "GET /products", skip_all)]
pub async fn list_products(
    ctx: UserTx,
    query: web::Query<ProductQuery>,
) -> ApiResult<web::Json<ListBody<Product>>> {
    let UserTx { mut tx, .. } = ctx;
    let query = query.into_inner();
    let page = page_request(query.page, query.per_page)?;
    let filter = ProductFilter {
        q: text(query.q),
        service: text(query.service),
        is_active: query.is_active,
    };
    let rows = marketing::products(&mut tx, &filter, page).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(ListBody::new(rows, page, Product::from)))
}
