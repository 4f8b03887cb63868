//! GET /broadcast-rules: the monitor's automation rules (BRD-3).

use actix_web::{get, web};
use chrono::{DateTime, Utc};
use persistence::broadcasts::{self};
use serde::Serialize;
use utoipa::ToSchema;

use super::*;
use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

/// An automation rule of the broadcast monitor (BRD-3).
#[derive(Debug, Serialize, ToSchema)]
pub struct BroadcastRule {
    /// `failed_broadcast_ticket`: a failed broadcast opens a shipment_issue ticket for its
    /// AWB (unless one is open).
    pub rule: String,
    pub enabled: bool,
    /// Priority of the tickets the rule opens.
    pub priority: String,
    pub updated_by: Option<uuid::Uuid>,
    pub updated_at: DateTime<Utc>,
}

impl From<broadcasts::RuleRow> for BroadcastRule {
    fn from(r: broadcasts::RuleRow) -> Self {
        Self {
            rule: r.rule,
            enabled: r.enabled,
            priority: r.priority,
            updated_by: r.updated_by,
            updated_at: r.updated_at,
        }
    }
}

/// The broadcast monitor's automation rules (off by default).
#[utoipa::path(
    tag = "broadcast",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The rules", body = Vec<BroadcastRule>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not a CS, admin or director role", body = ErrorBody),
    )
)]
#[get("/broadcast-rules")]
#[tracing::instrument(name = "GET /broadcast-rules", skip_all)]
pub async fn list_broadcast_rules(ctx: UserTx) -> ApiResult<web::Json<Vec<BroadcastRule>>> {
    let UserTx { mut tx, user } = ctx;
    require_reader(user.role)?;
    let rows = broadcasts::rules(&mut tx).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(rows.into_iter().map(Into::into).collect()))
}
