//! GET /ar/customers: the customer picker of the AR forms.

use actix_web::{get, web};
use persistence::ar::customers;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::require_reader;
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CustomerLookupQuery {
    /// Text in the company name or customer code.
    pub q: Option<String>,
    /// At most this many (1–50, default 20).
    #[param(minimum = 1, maximum = 50)]
    pub per_page: Option<i64>,
}

/// A customer as the AR forms pick them, with what they owe today.
#[derive(Debug, Serialize, ToSchema)]
pub struct ArCustomer {
    pub id: Uuid,
    #[schema(example = "CUST-2026-000012")]
    pub customer_code: String,
    pub company_name: String,
    pub city: Option<String>,
    /// Σ outstanding of the customer's invoices (today).
    #[schema(example = "1500000.00")]
    pub open_amount: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ArCustomers {
    pub data: Vec<ArCustomer>,
}

/// Finds customers by name or code for invoices, payments and statements — for finance
/// (who has no CRM menu) as for sales (their own customers, by RLS).
#[utoipa::path(
    tag = "ar",
    security(("bearer" = [])),
    params(CustomerLookupQuery),
    responses(
        (status = 200, description = "Matching customers by name", body = ArCustomers),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "This role has no AR", body = ErrorBody),
        (status = 422, description = "Invalid per_page", body = ErrorBody),
    )
)]
#[get("/ar/customers")]
#[tracing::instrument(name = "GET /ar/customers", skip_all)]
pub async fn ar_customers(
    ctx: UserTx,
    query: web::Query<CustomerLookupQuery>,
) -> ApiResult<web::Json<ArCustomers>> {
    let UserTx { mut tx, user } = ctx;
    require_reader(&user)?;
    let limit = query.per_page.unwrap_or(20);
    if !(1..=50).contains(&limit) {
        return Err(ApiError::validation("per_page", "must be between 1 and 50"));
    }
    let q = query.q.as_deref().map(str::trim).filter(|q| !q.is_empty());
    let rows = customers::lookup(&mut tx, q, limit).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(ArCustomers {
        data: rows
            .into_iter()
            .map(|r| ArCustomer {
                id: r.id,
                customer_code: r.customer_code,
                company_name: r.company_name,
                city: r.city,
                open_amount: r.open_amount,
            })
            .collect(),
    }))
}
