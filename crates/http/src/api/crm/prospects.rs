//! Prospects (CRM-3): lists, detail with stage history, edits, stage changes.

use actix_web::{delete, get, patch, post, web, HttpResponse};
use chrono::{DateTime, NaiveDate, Utc};
use domain::{
    crm::{CrmAccess, Stage},
    money::Amount,
    FieldErrors,
};
use persistence::crm::prospects::{self, ProspectChanges, ProspectFilter, ProspectRow};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::{bounded, enum_list, owner_filter, require_crm, require_role, sql_sort, text};
use crate::{
    api::{page_request, ListBody},
    error::{ApiError, ApiResult, ErrorBody},
    extract::{UserTx, ValidJson},
};

#[derive(Debug, Serialize, ToSchema)]
pub struct Prospect {
    pub id: Uuid,
    #[schema(example = "PRS-2026-000007")]
    pub prospect_code: String,
    pub customer_id: Uuid,
    pub customer_code: Option<String>,
    pub customer_name: Option<String>,
    pub owner_user_id: Option<Uuid>,
    pub owner_name: Option<String>,
    #[schema(example = "qualification")]
    pub stage: String,
    /// Win probability of the stage in percent, decimal string.
    #[schema(example = "40.00")]
    pub probability: String,
    /// IDR, decimal string.
    #[schema(example = "150000000.00")]
    pub expected_value: String,
    /// expected_value × probability, decimal string.
    #[schema(example = "60000000.00")]
    pub weighted_value: String,
    pub expected_close_date: Option<NaiveDate>,
    pub lost_reason: Option<String>,
    pub service_interest: Option<String>,
    pub notes: String,
    pub stage_changed_at: DateTime<Utc>,
    pub deleted_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<ProspectRow> for Prospect {
    fn from(r: ProspectRow) -> Self {
        Self {
            id: r.id,
            prospect_code: r.prospect_code,
            customer_id: r.customer_id,
            customer_code: r.customer_code,
            customer_name: r.customer_name,
            owner_user_id: r.owner_user_id,
            owner_name: r.owner_name,
            stage: r.stage,
            probability: r.probability,
            expected_value: r.expected_value,
            weighted_value: r.weighted_value,
            expected_close_date: r.expected_close_date,
            lost_reason: r.lost_reason,
            service_interest: r.service_interest,
            notes: r.notes,
            stage_changed_at: r.stage_changed_at,
            deleted_at: r.deleted_at,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProspectQuery {
    /// Customer name or prospect code.
    pub q: Option<String>,
    /// Comma-separated stages.
    pub stage: Option<String>,
    /// Owner: a user id or `me`.
    pub owner: Option<String>,
    pub customer_id: Option<Uuid>,
    pub unassigned: Option<bool>,
    /// Expected close date from (inclusive).
    pub close_from: Option<NaiveDate>,
    /// Expected close date to (inclusive).
    pub close_to: Option<NaiveDate>,
    pub deleted: Option<bool>,
    #[param(minimum = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<i64>,
    /// created_at, updated_at, prospect_code, stage, expected_value, expected_close_date, stage_changed_at.
    pub sort: Option<String>,
}

impl ProspectQuery {
    pub fn filter(&self, user: &persistence::UserPrincipal) -> ApiResult<ProspectFilter> {
        Ok(ProspectFilter {
            q: text(self.q.clone()),
            stage: enum_list::<Stage>("stage", self.stage.as_deref(), Stage::as_str)?,
            owner_user_id: owner_filter("owner", self.owner.as_deref(), user.id)?,
            customer_id: self.customer_id,
            unassigned: self.unassigned,
            close_from: self.close_from,
            close_to: self.close_to,
            deleted: self.deleted.unwrap_or(false),
        })
    }
}

/// Lists prospects in the caller's scope.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(ProspectQuery),
    responses(
        (status = 200, description = "A page of prospects", body = ListBody<Prospect>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "No CRM access", body = ErrorBody),
        (status = 422, description = "Invalid filter, paging or sort", body = ErrorBody),
    )
)]
#[get("/prospects")]
#[tracing::instrument(name = "GET /prospects", skip_all)]
pub async fn list_prospects(
    ctx: UserTx,
    query: web::Query<ProspectQuery>,
) -> ApiResult<web::Json<ListBody<Prospect>>> {
    let UserTx { mut tx, user } = ctx;
    require_crm(&user)?;
    let page = page_request(query.page, query.per_page)?;
    let sort = sql_sort(query.sort.as_deref(), prospects::SORT)?;
    let filter = query.filter(&user)?;
    let rows = prospects::list(&mut tx, &filter, page, &sort).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(ListBody::new(rows, page, Prospect::from)))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StageChange {
    pub from_stage: Option<String>,
    pub to_stage: String,
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

async fn load_detail(tx: &mut persistence::Tx, id: Uuid) -> ApiResult<ProspectDetail> {
    let row = prospects::get(tx, id).await?;
    let history = prospects::stage_history(tx, id).await?;
    Ok(ProspectDetail {
        prospect: row.into(),
        stage_history: history
            .into_iter()
            .map(|h| StageChange {
                from_stage: h.from_stage,
                to_stage: h.to_stage,
                lost_reason: h.lost_reason,
                changed_by: h.changed_by,
                changed_by_name: h.changed_by_name,
                changed_at: h.changed_at,
            })
            .collect(),
    })
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangeStageRequest {
    #[schema(example = "qualification")]
    pub stage: Option<String>,
    /// Required when `stage` is `lost`.
    pub lost_reason: Option<String>,
}

/// Moves a prospect to another stage (CRM-3); `lost` needs `lost_reason`. Writes the
/// stage history and a system activity.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Prospect id")),
    request_body = ChangeStageRequest,
    responses(
        (status = 200, description = "The prospect after the change", body = ProspectDetail),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "This role does not work the pipeline", body = ErrorBody),
        (status = 404, description = "No such prospect in your scope", body = ErrorBody),
        (status = 422, description = "Unknown stage, or lost without a reason", body = ErrorBody),
    )
)]
#[patch("/prospects/{id}/stage")]
#[tracing::instrument(name = "PATCH /prospects/{id}/stage", skip_all)]
pub async fn change_stage(
    ctx: UserTx,
    id: web::Path<Uuid>,
    body: ValidJson<ChangeStageRequest>,
) -> ApiResult<web::Json<ProspectDetail>> {
    let UserTx { mut tx, user } = ctx;
    require_role(&user, CrmAccess::works_pipeline)?;
    let body = body.value;
    let mut errors = FieldErrors::new();
    let stage = match text(body.stage) {
        None => {
            errors.add("stage", "is required");
            None
        }
        Some(raw) => errors.take("stage", raw.parse::<Stage>()),
    };
    let lost_reason = bounded(&mut errors, "lost_reason", body.lost_reason, 1000, false);
    if stage == Some(Stage::Lost) && lost_reason.is_none() {
        errors.add("lost_reason", "is required when the stage is lost");
    }
    errors.into_result().map_err(ApiError::Validation)?;
    let stage = stage.ok_or_else(|| ApiError::Internal("stage invariant".to_owned()))?;
    let id = id.into_inner();
    prospects::change_stage(&mut tx, id, stage.as_str(), lost_reason.as_deref()).await?;
    let detail = load_detail(&mut tx, id).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(detail))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateProspectRequest {
    /// IDR, decimal string.
    #[schema(example = "150000000.00")]
    pub expected_value: Option<String>,
    /// `YYYY-MM-DD`; an empty string clears it.
    pub expected_close_date: Option<String>,
    pub service_interest: Option<String>,
    pub notes: Option<String>,
}

/// Changes a prospect's value, close date or notes.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Prospect id")),
    request_body = UpdateProspectRequest,
    responses(
        (status = 200, description = "The changed prospect", body = ProspectDetail),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "This role does not work the pipeline", body = ErrorBody),
        (status = 404, description = "No such prospect in your scope", body = ErrorBody),
        (status = 422, description = "Invalid fields", body = ErrorBody),
    )
)]
#[patch("/prospects/{id}")]
#[tracing::instrument(name = "PATCH /prospects/{id}", skip_all)]
pub async fn update_prospect(
    ctx: UserTx,
    id: web::Path<Uuid>,
    body: ValidJson<UpdateProspectRequest>,
) -> ApiResult<web::Json<ProspectDetail>> {
    let UserTx { mut tx, user } = ctx;
    require_role(&user, CrmAccess::works_pipeline)?;
    let b = body.value;
    let mut errors = FieldErrors::new();
    let changes = ProspectChanges {
        expected_value: b.expected_value.and_then(|raw| {
            errors
                .take("expected_value", Amount::parse(&raw))
                .map(|a| a.to_string())
        }),
        expected_close_date: b.expected_close_date.map(|raw| {
            text(Some(raw)).and_then(|raw| {
                errors.take(
                    "expected_close_date",
                    NaiveDate::parse_from_str(&raw, "%Y-%m-%d")
                        .map_err(|_| "must be a date YYYY-MM-DD"),
                )
            })
        }),
        service_interest: b
            .service_interest
            .map(|v| bounded(&mut errors, "service_interest", Some(v), 200, false)),
        notes: b
            .notes
            .map(|v| bounded(&mut errors, "notes", Some(v), 4000, false).unwrap_or_default()),
    };
    errors.into_result().map_err(ApiError::Validation)?;
    let id = id.into_inner();
    prospects::update(&mut tx, id, &changes).await?;
    let detail = load_detail(&mut tx, id).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(detail))
}

/// Soft-deletes a prospect (it leaves the pipeline).
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Prospect id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "This role does not work the pipeline", body = ErrorBody),
        (status = 404, description = "No such live prospect in your scope", body = ErrorBody),
    )
)]
#[delete("/prospects/{id}")]
#[tracing::instrument(name = "DELETE /prospects/{id}", skip_all)]
pub async fn delete_prospect(ctx: UserTx, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_role(&user, CrmAccess::works_pipeline)?;
    prospects::set_deleted(&mut tx, id.into_inner(), true).await?;
    persistence::commit(tx).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Restores a soft-deleted prospect (managers).
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Prospect id")),
    responses(
        (status = 200, description = "The restored prospect", body = ProspectDetail),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Only managers restore", body = ErrorBody),
        (status = 404, description = "No such deleted prospect in your scope", body = ErrorBody),
    )
)]
#[post("/prospects/{id}/restore")]
#[tracing::instrument(name = "POST /prospects/{id}/restore", skip_all)]
pub async fn restore_prospect(
    ctx: UserTx,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<ProspectDetail>> {
    let UserTx { mut tx, user } = ctx;
    require_role(&user, CrmAccess::manages)?;
    let id = id.into_inner();
    prospects::set_deleted(&mut tx, id, false).await?;
    let detail = load_detail(&mut tx, id).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(detail))
}

/// Registers the operations of this sub-module.
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_prospects)
        .service(get_prospect)
        .service(update_prospect)
        .service(delete_prospect)
        .service(change_stage)
        .service(restore_prospect);
}
