//! POST /customers/merge (CRM-9).

use actix_web::{post, HttpResponse};
use domain::{crm::CrmAccess, FieldErrors};
use persistence::crm::customers::{self};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::super::require_role;
use super::*;
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::{UserTx, ValidJson},
};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MergeCustomersRequest {
    /// The customer that stays.
    pub winner_id: Option<Uuid>,
    /// The customer merged into the winner; its leads, prospects, activities, tasks and
    /// tickets move over.
    pub loser_id: Option<Uuid>,
}

/// Merges two customers (CRM-9, managers). Audited.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    request_body = MergeCustomersRequest,
    responses(
        (status = 200, description = "The surviving customer", body = Customer),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Managers only", body = ErrorBody),
        (status = 404, description = "A customer is not in your scope", body = ErrorBody),
        (status = 422, description = "Invalid fields", body = ErrorBody),
    )
)]
#[post("/customers/merge")]
#[tracing::instrument(name = "POST /customers/merge", skip_all)]
pub async fn merge_customers(
    ctx: UserTx,
    body: ValidJson<MergeCustomersRequest>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_role(&user, CrmAccess::manages)?;
    let mut errors = FieldErrors::new();
    if body.value.winner_id.is_none() {
        errors.add("winner_id", "is required");
    }
    if body.value.loser_id.is_none() {
        errors.add("loser_id", "is required");
    }
    if body.value.winner_id.is_some() && body.value.winner_id == body.value.loser_id {
        errors.add("loser_id", "must differ from winner_id");
    }
    errors.into_result().map_err(ApiError::Validation)?;
    let (Some(winner), Some(loser)) = (body.value.winner_id, body.value.loser_id) else {
        return Err(ApiError::Internal("merge parse invariant".to_owned()));
    };
    for id in [winner, loser] {
        let row = customers::get(&mut tx, id).await?;
        if row.merged_into_id.is_some() {
            return Err(ApiError::NotFound);
        }
    }
    customers::merge(&mut tx, winner, loser).await?;
    let row = customers::get(&mut tx, winner).await?;
    persistence::commit(tx).await?;
    Ok(HttpResponse::Ok().json(Customer::from(row)))
}
