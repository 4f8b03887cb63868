//! GET /customers/duplicates: likely duplicates for review (CRM-9).

use actix_web::{get, web};
use domain::crm::CrmAccess;
use persistence::crm::customers::{self};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::super::require_role;
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Serialize, ToSchema)]
pub struct DuplicatePair {
    pub customer_id: Uuid,
    pub customer_code: String,
    pub company_name: String,
    pub other_id: Uuid,
    pub other_code: String,
    pub other_name: String,
    /// Trigram similarity of the normalised company names, 0–1.
    pub similarity: f32,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DuplicatesQuery {
    /// Minimum similarity, 0.3–1 (default 0.5).
    pub threshold: Option<f32>,
}

/// Likely duplicate customers for review (CRM-9, managers).
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(DuplicatesQuery),
    responses(
        (status = 200, description = "Pairs, most similar first", body = Vec<DuplicatePair>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Managers only", body = ErrorBody),
    )
)]
#[get("/customers/duplicates")]
#[tracing::instrument(name = "GET /customers/duplicates", skip_all)]
pub async fn list_duplicates(
    ctx: UserTx,
    query: web::Query<DuplicatesQuery>,
) -> ApiResult<web::Json<Vec<DuplicatePair>>> {
    let UserTx { mut tx, user } = ctx;
    require_role(&user, CrmAccess::manages)?;
    let threshold = query.threshold.unwrap_or(0.5);
    if !(0.3..=1.0).contains(&threshold) {
        return Err(ApiError::validation(
            "threshold",
            "must be between 0.3 and 1",
        ));
    }
    let rows = customers::duplicates(&mut tx, threshold, 100).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(
        rows.into_iter()
            .map(|r| DuplicatePair {
                customer_id: r.customer_id,
                customer_code: r.customer_code,
                company_name: r.company_name,
                other_id: r.other_id,
                other_code: r.other_code,
                other_name: r.other_name,
                similarity: r.similarity,
            })
            .collect(),
    ))
}
