//! POST /products: adds a product (super_admin, marketing_manager).

use actix_web::{post, HttpResponse};
use domain::{
    crm::marketing::{CreateProduct, MarketingAccess, ProductInput},
    FieldErrors,
};
use persistence::crm::marketing;
use serde::Deserialize;
use utoipa::ToSchema;

use crate::{
    api::crm::require_role,
    error::{ApiError, ApiResult, ErrorBody},
    extract::{UserTx, ValidJson},
};

use super::dto::*;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateProductRequest {
    /// Upper-case letters, digits and dashes, e.g. `EXIM-FCL`.
    pub code: Option<String>,
    pub name: Option<String>,
    /// EXIM, DOM, IMP or WH.
    pub service: Option<String>,
    pub description: Option<String>,
}

/// The request checked against the rules of a product, every broken rule at once.
impl TryFrom<CreateProductRequest> for CreateProduct {
    type Error = FieldErrors;

    fn try_from(b: CreateProductRequest) -> Result<Self, FieldErrors> {
        CreateProduct::parse(ProductInput {
            code: b.code,
            name: b.name,
            service: b.service,
            description: b.description,
        })
    }
}

/// Adds a product (super_admin, marketing_manager).
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    request_body = CreateProductRequest,
    responses(
        (status = 201, description = "Created", body = Product),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not allowed", body = ErrorBody),
        (status = 409, description = "Code already used", body = ErrorBody),
        (status = 422, description = "Invalid fields", body = ErrorBody),
    )
)]
#[post("/products")]
#[tracing::instrument(name = "POST /products", skip_all)]
pub async fn create_product(
    ctx: UserTx,
    body: ValidJson<CreateProductRequest>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_role(&user, MarketingAccess::adds_products)?;
    let product = CreateProduct::try_from(body.value).map_err(ApiError::Validation)?;
    let row = marketing::insert_product(
        &mut tx,
        &product.code,
        &product.name,
        product.service.map(|s| s.as_str()),
        &product.description,
        user.id,
    )
    .await?;
    persistence::commit(tx).await?;
    Ok(HttpResponse::Created().json(Product::from(row)))
}
