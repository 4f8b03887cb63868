//! PATCH/PUT /tickets/{id}: status, priority, assignee, outcome (TCK-1/TCK-4).

use actix_web::{patch, put, web};
use domain::tickets::{
    assigns_tickets, reads_ticket_identity, works_tickets, TicketChangeInput, TicketNow,
};
use persistence::tickets::{self, TicketPatch, TicketRow};
use serde::{Deserialize, Deserializer};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::{UserTx, ValidJson},
};

use super::{dto::*, get::*};

/// absent → `None` (unchanged), `null` → `Some(None)` (cleared), a value → `Some(Some)`.
pub(super) fn nullable<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// Changes to a ticket; absent fields stay as they are.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateTicketRequest {
    /// The new status (TCK-1 transitions only).
    #[schema(value_type = Option<domain::tickets::TicketStatus>)]
    pub status: Option<String>,
    #[schema(value_type = Option<domain::tickets::TicketPriority>)]
    pub priority: Option<String>,
    /// A user to assign, or `null` to unassign (admins only).
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<Uuid>, nullable)]
    pub assigned_to_user_id: Option<Option<Uuid>>,
    /// Why it was closed; required for a lost inquiry.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>, nullable)]
    pub close_reason: Option<Option<String>>,
    /// The outcome of a closed inquiry.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<domain::tickets::InquiryOutcome>, nullable)]
    pub inquiry_outcome: Option<Option<String>>,
}

/// Checks a change against the ticket as it is and the caller's role.
pub(super) fn check_change(
    current: &TicketRow,
    change: UpdateTicketRequest,
    role: domain::Role,
) -> ApiResult<TicketPatch> {
    let now = TicketNow {
        status: current.status.0.as_str(),
        ticket_type: current.ticket_type.0.as_str(),
        inquiry_outcome: current.inquiry_outcome.map(|o| o.0.as_str()),
        close_reason: current.close_reason.as_deref(),
    };
    let input = TicketChangeInput {
        status: change.status,
        priority: change.priority,
        close_reason: change.close_reason,
        inquiry_outcome: change.inquiry_outcome,
    };
    let checked = domain::tickets::check_change(now, input).map_err(ApiError::Validation)?;
    let assigns = change.assigned_to_user_id.is_some();
    if (checked.changes_work() || checked.records_outcome()) && !works_tickets(role)
        || assigns && !assigns_tickets(role)
    {
        return Err(ApiError::Forbidden);
    }
    if !checked.changes_work() && !checked.records_outcome() && !assigns {
        return Err(ApiError::validation("body", "has nothing to change"));
    }
    Ok(TicketPatch {
        status: checked.status,
        priority: checked.priority,
        assigned_to_user_id: change.assigned_to_user_id,
        close_reason: checked.close_reason,
        inquiry_outcome: checked.inquiry_outcome,
    })
}

pub(super) async fn apply_update(
    ctx: UserTx,
    id: Uuid,
    change: UpdateTicketRequest,
) -> ApiResult<web::Json<TicketDetail>> {
    let UserTx { mut tx, user } = ctx;
    let current = tickets::get(&mut tx, id, reads_ticket_identity(user.role)).await?;
    let patch = check_change(&current, change, user.role)?;
    if let Some(Some(assignee)) = patch.assigned_to_user_id {
        if !tickets::is_active_user(&mut tx, assignee).await? {
            return Err(ApiError::validation(
                "assigned_to_user_id",
                "must be an active user",
            ));
        }
    }
    tickets::update(&mut tx, id, &patch).await?;
    let body = detail(&mut tx, user.role, id).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(body))
}

/// Changes status, priority, assignee, outcome or close reason (TCK-3). Status follows
/// TCK-1's transitions; assignment is for admins; a lost inquiry needs a close reason.
#[utoipa::path(
    tag = "tickets",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Ticket id")),
    request_body = UpdateTicketRequest,
    responses(
        (status = 200, description = "The changed ticket", body = TicketDetail),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Your role may not make this change", body = ErrorBody),
        (status = 404, description = "No such ticket among those you may change", body = ErrorBody),
        (status = 422, description = "A disallowed transition or invalid value", body = ErrorBody),
    )
)]
#[patch("/tickets/{id}")]
#[tracing::instrument(name = "PATCH /tickets/{id}", skip_all)]
pub async fn update_ticket(
    ctx: UserTx,
    id: web::Path<Uuid>,
    body: ValidJson<UpdateTicketRequest>,
) -> ApiResult<web::Json<TicketDetail>> {
    apply_update(ctx, id.into_inner(), body.value).await
}

/// The same as PATCH (SPEC §4.12 names both).
#[utoipa::path(
    tag = "tickets",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Ticket id")),
    request_body = UpdateTicketRequest,
    responses(
        (status = 200, description = "The changed ticket", body = TicketDetail),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Your role may not make this change", body = ErrorBody),
        (status = 404, description = "No such ticket among those you may change", body = ErrorBody),
        (status = 422, description = "A disallowed transition or invalid value", body = ErrorBody),
    )
)]
#[put("/tickets/{id}")]
#[tracing::instrument(name = "PUT /tickets/{id}", skip_all)]
pub async fn replace_ticket(
    ctx: UserTx,
    id: web::Path<Uuid>,
    body: ValidJson<UpdateTicketRequest>,
) -> ApiResult<web::Json<TicketDetail>> {
    apply_update(ctx, id.into_inner(), body.value).await
}
