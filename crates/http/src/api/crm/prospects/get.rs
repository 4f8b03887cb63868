//! GET /prospects/{id}: a prospect with its stage history.

use actix_web::{get, web};
use chrono::{DateTime, Utc};
use persistence::crm::prospects::{self};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::super::require_crm;
use super::*;
use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Serialize, ToSchema)]
pub struct StageChange {
    pub from_stage: Option<domain::crm::Stage>,
    pub to_stage: domain::crm::Stage,
    pub lost_reason: Option<String>,
    pub changed_by: Option<Uuid>,
    pub changed_by_name: Option<String>,
    pub changed_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProspectDetail {
    #[serde(flatten)]
    pub prospect: Prospect,
    /// Every stage change, oldest first.
    pub stage_history: Vec<StageChange>,
}

/// One prospect with its stage history.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Prospect id")),
    responses(
        (status = 200, description = "The prospect", body = ProspectDetail),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "No CRM access", body = ErrorBody),
        (status = 404, description = "No such prospect in your scope", body = ErrorBody),
    )
)]
#[get("/prospects/{id}")]
#[tracing::instrument(name = "GET /prospects/{id}", skip_all)]
pub async fn get_prospect(
    ctx: UserTx,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<ProspectDetail>> {
    let UserTx { mut tx, user } = ctx;
    require_crm(&user)?;
    let id = id.into_inner();
    let detail = load_detail(&mut tx, id).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(detail))
}

pub(super) async fn load_detail(tx: &mut persistence::Tx, id: Uuid) -> ApiResult<ProspectDetail> {
    let row = prospects::get(tx, id).await?;
    let history = prospects::stage_history(tx, id).await?;
    Ok(ProspectDetail {
        prospect: row.into(),
        stage_history: history
            .into_iter()
            .map(|h| StageChange {
                from_stage: h.from_stage.map(|s| s.0),
                to_stage: h.to_stage.0,
                lost_reason: h.lost_reason,
                changed_by: h.changed_by,
                changed_by_name: h.changed_by_name,
                changed_at: h.changed_at,
            })
            .collect(),
    })
}
