//! PATCH /broadcast-rules/{rule} (BRD-3).

use actix_web::{patch, web};
use persistence::broadcasts::{self};
use serde::Deserialize;
use utoipa::ToSchema;

use super::*;
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::{UserTx, ValidJson},
};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateBroadcastRuleRequest {
    pub enabled: Option<bool>,
    #[schema(value_type = Option<domain::tickets::TicketPriority>)]
    pub priority: Option<String>,
}

/// Switches a rule on or off, or sets the priority of its tickets (super and CS admins).
#[utoipa::path(
    tag = "broadcast",
    security(("bearer" = [])),
    params(("rule" = String, Path, description = "The rule", pattern = "^failed_broadcast_ticket$")),
    request_body = UpdateBroadcastRuleRequest,
    responses(
        (status = 200, description = "The rule", body = BroadcastRule),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Admins only", body = ErrorBody),
        (status = 404, description = "No such rule", body = ErrorBody),
        (status = 422, description = "Invalid priority", body = ErrorBody),
    )
)]
#[patch("/broadcast-rules/{rule}")]
#[tracing::instrument(name = "PATCH /broadcast-rules/{rule}", skip_all)]
pub async fn update_broadcast_rule(
    ctx: UserTx,
    rule: web::Path<String>,
    body: ValidJson<UpdateBroadcastRuleRequest>,
) -> ApiResult<web::Json<BroadcastRule>> {
    let UserTx { mut tx, user } = ctx;
    if !matches!(user.role, domain::Role::SuperAdmin | domain::Role::CsAdmin) {
        return Err(ApiError::Forbidden);
    }
    let change = body.value;
    let priority = change.priority.map(|p| p.trim().to_lowercase());
    if let Some(p) = priority.as_deref() {
        if !domain::tickets::PRIORITIES.contains(&p) {
            return Err(ApiError::validation(
                "priority",
                "must be one of low, medium, high, urgent",
            ));
        }
    }
    let row = broadcasts::update_rule(
        &mut tx,
        rule.trim(),
        change.enabled,
        priority.as_deref(),
        user.id,
    )
    .await?;
    persistence::commit(tx).await?;
    Ok(web::Json(row.into()))
}
