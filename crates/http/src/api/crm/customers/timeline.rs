//! GET /customers/{id}/timeline (CRM-8).

use actix_web::{get, web};
use chrono::{DateTime, Utc};
use persistence::crm::customers::{self};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::super::require_crm;
use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Serialize, ToSchema)]
pub struct TimelineEntry {
    /// lead, activity, system, stage or ticket.
    pub kind: String,
    pub id: String,
    pub title: String,
    pub detail: Option<String>,
    pub actor_name: Option<String>,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TimelineQuery {
    /// At most this many entries, newest first (default 100, max 500).
    pub limit: Option<i64>,
}

/// The customer's timeline: leads, activities, stage changes and tickets, newest first.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Customer id"), TimelineQuery),
    responses(
        (status = 200, description = "Timeline entries", body = Vec<TimelineEntry>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "No CRM access", body = ErrorBody),
        (status = 404, description = "No such customer in your scope", body = ErrorBody),
    )
)]
#[get("/customers/{id}/timeline")]
#[tracing::instrument(name = "GET /customers/{id}/timeline", skip_all)]
pub async fn customer_timeline(
    ctx: UserTx,
    id: web::Path<Uuid>,
    query: web::Query<TimelineQuery>,
) -> ApiResult<web::Json<Vec<TimelineEntry>>> {
    let UserTx { mut tx, user } = ctx;
    require_crm(&user)?;
    let id = id.into_inner();
    customers::get(&mut tx, id).await?;
    let limit = query.limit.unwrap_or(100).clamp(1, 500);
    let rows = customers::timeline(&mut tx, id, limit).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(
        rows.into_iter()
            .map(|r| TimelineEntry {
                kind: r.kind,
                id: r.id,
                title: r.title,
                detail: r.detail,
                actor_name: r.actor_name,
                at: r.at,
            })
            .collect(),
    ))
}
