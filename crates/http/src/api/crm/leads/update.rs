//! PATCH /leads/{id} (CRM-6).

use actix_web::{patch, web};
use domain::{crm::LeadStatus, FieldErrors};
use persistence::crm::leads::{self, LeadChanges};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::super::{bounded, require_crm, text};
use super::dto::Lead;
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::{UserTx, ValidJson},
};

/// Editable lead fields; an empty string clears an optional field. Identity changes
/// do not re-link the customer (merge duplicates instead).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateLeadRequest {
    #[schema(value_type = Option<domain::crm::LeadStatus>)]
    pub status: Option<String>,
    pub channel: Option<String>,
    pub company_name: Option<String>,
    pub contact_name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub service_interest: Option<String>,
    pub notes: Option<String>,
    pub utm_source: Option<String>,
    pub utm_medium: Option<String>,
    pub utm_campaign: Option<String>,
}

/// An optional text change: absent → unchanged, blank → cleared.
fn clearable(
    errors: &mut FieldErrors,
    field: &str,
    raw: Option<String>,
    max: usize,
) -> Option<Option<String>> {
    raw.map(|raw| bounded(errors, field, Some(raw), max, false))
}

impl TryFrom<UpdateLeadRequest> for LeadChanges {
    type Error = ApiError;

    /// Every field checked; all errors at once.
    fn try_from(body: UpdateLeadRequest) -> Result<Self, ApiError> {
        let mut errors = FieldErrors::new();
        let status = body
            .status
            .as_deref()
            .and_then(|raw| errors.take("status", raw.parse::<LeadStatus>()));
        let email = body.email.map(|raw| {
            text(Some(raw)).and_then(|raw| errors.take("email", domain::Email::parse(&raw)))
        });
        let phone = body.phone.map(|raw| {
            text(Some(raw))
                .and_then(|raw| errors.take("phone", domain::crm::PhoneE164::parse(&raw)))
        });
        let changes = LeadChanges {
            status,
            channel_raw: body
                .channel
                .and_then(|c| bounded(&mut errors, "channel", Some(c), 60, true)),
            company_name: clearable(&mut errors, "company_name", body.company_name, 200),
            contact_name: body
                .contact_name
                .and_then(|c| bounded(&mut errors, "contact_name", Some(c), 200, true)),
            email,
            phone,
            service_interest: clearable(
                &mut errors,
                "service_interest",
                body.service_interest,
                200,
            ),
            notes: body
                .notes
                .map(|n| bounded(&mut errors, "notes", Some(n), 4000, false).unwrap_or_default()),
            utm_source: clearable(&mut errors, "utm_source", body.utm_source, 200),
            utm_medium: clearable(&mut errors, "utm_medium", body.utm_medium, 200),
            utm_campaign: clearable(&mut errors, "utm_campaign", body.utm_campaign, 200),
        };
        errors.into_result().map_err(ApiError::Validation)?;
        Ok(changes)
    }
}

/// Changes a lead (CRM-6).
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Lead id")),
    request_body = UpdateLeadRequest,
    responses(
        (status = 200, description = "The changed lead", body = Lead),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not allowed", body = ErrorBody),
        (status = 404, description = "No such lead in your scope", body = ErrorBody),
        (status = 422, description = "Invalid fields", body = ErrorBody),
    )
)]
#[patch("/leads/{id}")]
#[tracing::instrument(name = "PATCH /leads/{id}", skip_all)]
pub async fn update_lead(
    ctx: UserTx,
    id: web::Path<Uuid>,
    body: ValidJson<UpdateLeadRequest>,
) -> ApiResult<web::Json<Lead>> {
    let UserTx { mut tx, user } = ctx;
    require_crm(&user)?;
    let changes = LeadChanges::try_from(body.value)?;
    let row = leads::update(&mut tx, id.into_inner(), &changes).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(row.into()))
}
