//! POST /leads: the lead bundle (CRM-1).

use actix_web::{http::StatusCode, post, HttpRequest, HttpResponse};
use domain::{
    crm::{CrmAccess, DedupInput, DedupKeys, RfqService},
    FieldErrors, Role,
};
use persistence::{
    crm::bundle::{self, NewLead, NewRfq},
    UserPrincipal,
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::super::{bounded, require_role, text};
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::{IdempotencyKey, UserTx, ValidJson},
    idempotency::{Claimed, Idempotency},
};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RfqRequest {
    /// EXIM, DOM, IMP or WH: the department that quotes.
    #[schema(value_type = Option<domain::crm::RfqService>, example = "EXIM")]
    pub service: Option<String>,
    #[schema(example = "Jakarta")]
    pub origin: Option<String>,
    #[schema(example = "Singapore")]
    pub destination: Option<String>,
    #[schema(example = "Garment")]
    pub commodity: Option<String>,
    pub weight_kg: Option<f64>,
    pub volume_cbm: Option<f64>,
    pub notes: Option<String>,
}

/// The lead bundle request (SPEC §4.12). At least one of company_name, npwp, email,
/// phone identifies the customer.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateLeadRequest {
    #[schema(example = "PT Maju Jaya Logistik")]
    pub company_name: Option<String>,
    #[schema(example = "Budi Santoso")]
    pub contact_name: Option<String>,
    pub email: Option<String>,
    /// Any Indonesian format: `0812-3456-7890`, `+62 812 3456 7890`, `6281234567890`.
    pub phone: Option<String>,
    /// 15 or 16 digits, dots and dashes allowed.
    pub npwp: Option<String>,
    /// A channel code or alias (`instagram_ads`, `IG Ads`, `fb`, ...); unknown values
    /// count as `other`.
    #[schema(example = "instagram_ads")]
    pub channel: Option<String>,
    pub utm_source: Option<String>,
    pub utm_medium: Option<String>,
    pub utm_campaign: Option<String>,
    pub service_interest: Option<String>,
    pub notes: Option<String>,
    pub need_rfq: Option<bool>,
    pub rfq: Option<RfqRequest>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Dedup {
    /// `npwp`, `email`, `phone` or `company_name` when the lead was linked to an existing
    /// customer; `null` when a new customer was created.
    pub matched_on: Option<String>,
}

/// The lead bundle's outcome (CRM-1).
#[derive(Debug, Serialize, ToSchema)]
pub struct LeadBundle {
    pub lead_id: Uuid,
    pub lead_code: String,
    pub customer_id: Uuid,
    pub customer_code: String,
    pub customer_name: String,
    pub prospect_id: Uuid,
    /// The RFQ ticket, when `need_rfq`.
    pub ticket_id: Option<Uuid>,
    pub ticket_code: Option<String>,
    pub dedup: Dedup,
}

/// Enters a lead in one transaction (CRM-1): dedups the customer on NPWP, e-mail,
/// phone, then company name; finds or creates the prospect; with `need_rfq` opens an
/// `inquiry_tariff` ticket for Operations with the customer masked. Accepts
/// `Idempotency-Key`.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    request_body = CreateLeadRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe")),
    responses(
        (status = 201, description = "Lead created and linked", body = LeadBundle),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "This role does not enter leads", body = ErrorBody),
        (status = 422, description = "Invalid fields", body = ErrorBody),
    )
)]
#[post("/leads")]
#[tracing::instrument(name = "POST /leads", skip_all)]
pub async fn create_lead(
    ctx: UserTx,
    req: HttpRequest,
    key: IdempotencyKey,
    body: ValidJson<CreateLeadRequest>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_role(&user, CrmAccess::creates_leads)?;
    let lead = parse_new_lead(body.value, &user)?;
    let idem = match Idempotency::claim(&mut tx, key, &req, &body.fingerprint).await? {
        Claimed::Proceed(idem) => idem,
        Claimed::Replay(response) => return Ok(response),
    };
    let outcome = bundle::create_lead(&mut tx, &lead).await?;
    let created = LeadBundle {
        lead_id: outcome.lead_id,
        lead_code: outcome.lead_code,
        customer_id: outcome.customer_id,
        customer_code: outcome.customer_code,
        customer_name: outcome.customer_name,
        prospect_id: outcome.prospect_id,
        ticket_id: outcome.ticket_id,
        ticket_code: outcome.ticket_code,
        dedup: Dedup {
            matched_on: outcome.matched_on,
        },
    };
    let response = idem.respond(&mut tx, StatusCode::CREATED, &created).await?;
    persistence::commit(tx).await?;
    Ok(response)
}

fn parse_new_lead(body: CreateLeadRequest, user: &UserPrincipal) -> ApiResult<NewLead> {
    let mut errors = FieldErrors::new();
    let keys = match DedupKeys::parse(DedupInput {
        npwp: body.npwp.as_deref(),
        email: body.email.as_deref(),
        phone: body.phone.as_deref(),
        company_name: body.company_name.as_deref(),
    }) {
        Ok(keys) => Some(keys),
        Err(field_errors) => {
            for field in field_errors.fields().map(str::to_owned).collect::<Vec<_>>() {
                errors.add(&field, dedup_message(&field_errors, &field));
            }
            None
        }
    };
    let company_name = bounded(&mut errors, "company_name", body.company_name, 200, false);
    let contact_name = bounded(&mut errors, "contact_name", body.contact_name, 200, true);
    let channel = bounded(&mut errors, "channel", body.channel, 60, true);
    let utm_source = bounded(&mut errors, "utm_source", body.utm_source, 200, false);
    let utm_medium = bounded(&mut errors, "utm_medium", body.utm_medium, 200, false);
    let utm_campaign = bounded(&mut errors, "utm_campaign", body.utm_campaign, 200, false);
    let service_interest = bounded(
        &mut errors,
        "service_interest",
        body.service_interest,
        200,
        false,
    );
    let notes = bounded(&mut errors, "notes", body.notes, 4000, false).unwrap_or_default();
    let rfq = if body.need_rfq.unwrap_or(false) {
        match body.rfq {
            None => {
                errors.add("rfq", "is required when need_rfq is true");
                None
            }
            Some(rfq) => parse_rfq(&mut errors, rfq, company_name.as_deref()),
        }
    } else {
        None
    };
    errors.into_result().map_err(ApiError::Validation)?;
    let keys = keys.ok_or_else(|| ApiError::Internal("lead parse invariant".to_owned()))?;
    let is_marketing = matches!(user.role, Role::MarketingManager | Role::MarketingStaff);
    let is_sales = matches!(user.role, Role::SalesManager | Role::Salesperson);
    Ok(NewLead {
        npwp_key: keys.npwp().cloned(),
        email_key: keys.email().cloned(),
        phone_key: keys.phone().cloned(),
        company_key: keys.company().cloned(),
        company_name,
        contact_name: contact_name.unwrap_or_default(),
        channel_raw: channel.unwrap_or_default(),
        utm_source,
        utm_medium,
        utm_campaign,
        service_interest,
        notes,
        marketing_owner_user_id: is_marketing.then_some(user.id),
        sales_owner_user_id: is_sales.then_some(user.id),
        created_by: user.id,
        rfq,
    })
}

fn dedup_message(errors: &FieldErrors, field: &str) -> String {
    serde_json::to_value(errors)
        .ok()
        .and_then(|v| v.get(field).and_then(|m| m.get(0)).cloned())
        .and_then(|m| m.as_str().map(str::to_owned))
        .unwrap_or_else(|| "is invalid".to_owned())
}

fn parse_rfq(
    errors: &mut FieldErrors,
    rfq: RfqRequest,
    company_name: Option<&str>,
) -> Option<NewRfq> {
    let service = match text(rfq.service) {
        None => {
            errors.add("rfq.service", "is required");
            None
        }
        Some(raw) => errors.take("rfq.service", raw.parse::<RfqService>()),
    };
    let origin = bounded(errors, "rfq.origin", rfq.origin, 200, true);
    let destination = bounded(errors, "rfq.destination", rfq.destination, 200, true);
    let commodity = bounded(errors, "rfq.commodity", rfq.commodity, 200, true);
    let notes = bounded(errors, "rfq.notes", rfq.notes, 4000, false);
    for (field, value) in [
        ("rfq.weight_kg", rfq.weight_kg),
        ("rfq.volume_cbm", rfq.volume_cbm),
    ] {
        if let Some(v) = value {
            if !v.is_finite() || v < 0.0 {
                errors.add(field, "must be a non-negative number");
            }
        }
    }
    let (service, origin, destination, commodity) = (service?, origin?, destination?, commodity?);
    let subject = format!(
        "RFQ {} {} → {}: {}",
        service.as_str(),
        origin,
        destination,
        commodity
    );
    let description = format!(
        "Request for quotation{}.{}",
        company_name.map(|_| " from a CRM lead").unwrap_or_default(),
        notes
            .as_deref()
            .map(|n| format!(" {n}"))
            .unwrap_or_default()
    );
    Some(NewRfq {
        dept_target: service.department().code().to_owned(),
        subject: subject.chars().take(300).collect(),
        description,
        details: serde_json::json!({
            "service": service.as_str(),
            "origin": origin,
            "destination": destination,
            "commodity": commodity,
            "weight_kg": rfq.weight_kg,
            "volume_cbm": rfq.volume_cbm,
            "notes": notes,
        }),
    })
}
