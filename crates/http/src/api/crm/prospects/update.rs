//! PATCH /prospects/{id}: value, close date, notes.

use actix_web::{patch, web};
use chrono::NaiveDate;
use domain::{crm::CrmAccess, money::Amount, FieldErrors};
use persistence::crm::prospects::{self, ProspectChanges};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::super::{bounded, require_role, text};
use super::*;
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::{UserTx, ValidJson},
};

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
