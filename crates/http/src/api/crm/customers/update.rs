//! PATCH /customers/{id}.

use actix_web::{patch, web};
use domain::{
    crm::{parse_point, CompanyKey, Npwp, PhoneE164},
    Email, FieldErrors,
};
use persistence::crm::customers::{self, CustomerChanges};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::super::{bounded, require_crm, text};
use super::*;
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::{UserTx, ValidJson},
};

/// Editable customer fields; an empty string clears an optional one. Changing an
/// identifier that another customer already has → 409 (merge them instead).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateCustomerRequest {
    pub company_name: Option<String>,
    pub npwp: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub contact_name: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub notes: Option<String>,
}

impl TryFrom<UpdateCustomerRequest> for CustomerChanges {
    type Error = ApiError;

    /// Every field checked; all errors at once.
    fn try_from(b: UpdateCustomerRequest) -> Result<Self, ApiError> {
        let mut errors = FieldErrors::new();
        let company_name = b.company_name.and_then(|raw| {
            let name = bounded(&mut errors, "company_name", Some(raw), 200, true)?;
            let key = errors
                .take("company_name", CompanyKey::parse(&name))
                .map(|k| k.as_str().to_owned());
            Some((name, key))
        });
        let npwp = b
            .npwp
            .map(|raw| text(Some(raw)).and_then(|raw| errors.take("npwp", Npwp::parse(&raw))));
        let email = b
            .email
            .map(|raw| text(Some(raw)).and_then(|raw| errors.take("email", Email::parse(&raw))));
        let phone = b.phone.map(|raw| {
            text(Some(raw)).and_then(|raw| errors.take("phone", PhoneE164::parse(&raw)))
        });
        let location = if b.latitude.is_some() || b.longitude.is_some() {
            errors.take("latitude", parse_point(b.latitude, b.longitude))
        } else {
            None
        };
        let changes = CustomerChanges {
            company_name,
            npwp,
            email,
            phone,
            contact_name: b
                .contact_name
                .map(|v| bounded(&mut errors, "contact_name", Some(v), 200, false)),
            address: b
                .address
                .map(|v| bounded(&mut errors, "address", Some(v), 500, false)),
            city: b
                .city
                .map(|v| bounded(&mut errors, "city", Some(v), 100, false)),
            location,
            notes: b
                .notes
                .map(|v| bounded(&mut errors, "notes", Some(v), 4000, false).unwrap_or_default()),
        };
        errors.into_result().map_err(ApiError::Validation)?;
        Ok(changes)
    }
}

/// Changes a customer.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Customer id")),
    request_body = UpdateCustomerRequest,
    responses(
        (status = 200, description = "The changed customer", body = Customer),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not allowed to change customers", body = ErrorBody),
        (status = 404, description = "No such customer in your scope", body = ErrorBody),
        (status = 409, description = "Another customer has this identifier", body = ErrorBody),
        (status = 422, description = "Invalid fields", body = ErrorBody),
    )
)]
#[patch("/customers/{id}")]
#[tracing::instrument(name = "PATCH /customers/{id}", skip_all)]
pub async fn update_customer(
    ctx: UserTx,
    id: web::Path<Uuid>,
    body: ValidJson<UpdateCustomerRequest>,
) -> ApiResult<web::Json<Customer>> {
    let UserTx { mut tx, user } = ctx;
    require_crm(&user)?;
    let changes = CustomerChanges::try_from(body.value)?;
    let row = customers::update(&mut tx, id.into_inner(), &changes).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(row.into()))
}
