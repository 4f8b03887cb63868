//! POST /leads/{id}/assign: the handover to sales (CRM-2).

use actix_web::{post, web};
use domain::{crm::CrmAccess, Role};
use persistence::crm::{bundle, leads};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::super::require_role;
use super::dto::Lead;
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::{UserTx, ValidJson},
};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssignLeadRequest {
    /// A salesperson or sales manager; sales managers assign within their team.
    pub sales_owner_user_id: Option<Uuid>,
}

/// Hands a lead over to a salesperson (CRM-2): moves it to their prospect of the
/// customer and notifies them. Marketing managers, sales managers and super admins.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Lead id")),
    request_body = AssignLeadRequest,
    responses(
        (status = 200, description = "The assigned lead", body = Lead),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Only managers assign leads", body = ErrorBody),
        (status = 404, description = "No such lead in your scope", body = ErrorBody),
        (status = 422, description = "Not a salesperson you may assign to", body = ErrorBody),
    )
)]
#[post("/leads/{id}/assign")]
#[tracing::instrument(name = "POST /leads/{id}/assign", skip_all)]
pub async fn assign_lead(
    ctx: UserTx,
    id: web::Path<Uuid>,
    body: ValidJson<AssignLeadRequest>,
) -> ApiResult<web::Json<Lead>> {
    let UserTx { mut tx, user } = ctx;
    require_role(&user, CrmAccess::manages)?;
    let owner = body
        .value
        .sales_owner_user_id
        .ok_or_else(|| ApiError::validation("sales_owner_user_id", "is required"))?;
    let target = bundle::assignee(&mut tx, owner).await?;
    match target {
        Some((role, true, in_scope))
            if role.parse::<Role>().is_ok_and(CrmAccess::may_own_prospects)
                && (user.role != Role::SalesManager || in_scope) => {}
        _ => {
            return Err(ApiError::validation(
                "sales_owner_user_id",
                "must be an active salesperson or sales manager you may assign to",
            ))
        }
    }
    let id = id.into_inner();
    let handed_over = bundle::assign_lead(&mut tx, id, owner).await?;
    let row = leads::get(&mut tx, id).await?;
    if handed_over {
        let customer = row.customer_name.as_deref();
        bundle::notify_assignee(&mut tx, &row.lead_code, customer, id, owner).await?;
    }
    persistence::commit(tx).await?;
    Ok(web::Json(row.into()))
}
