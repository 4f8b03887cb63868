//! Leads: the lead bundle (CRM-1), handover (CRM-2), lists with soft delete and restore
//! (CRM-6).

use actix_web::{delete, get, http::StatusCode, patch, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, NaiveDate, Utc};
use domain::{
    crm::{CrmAccess, DedupInput, DedupKeys, LeadStatus, RfqService},
    FieldErrors, Role,
};
use persistence::{
    crm::{
        bundle::{self, NewLead, NewRfq},
        leads::{self, LeadChanges, LeadFilter, LeadRow},
    },
    UserPrincipal,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::{
    bounded, enum_list, owner_filter, phone_query, require_crm, require_role, sql_sort, text,
};
use crate::{
    api::{page_request, ListBody},
    error::{ApiError, ApiResult, ErrorBody},
    extract::{IdempotencyKey, UserTx, ValidJson},
    idempotency::{Claimed, Idempotency},
};

#[derive(Debug, Serialize, ToSchema)]
pub struct Lead {
    pub id: Uuid,
    #[schema(example = "LEAD-2026-000123")]
    pub lead_code: String,
    #[schema(example = "new")]
    pub status: String,
    #[schema(example = "instagram_ads")]
    pub channel: String,
    pub channel_name: Option<String>,
    pub utm_source: Option<String>,
    pub utm_medium: Option<String>,
    pub utm_campaign: Option<String>,
    pub company_name: Option<String>,
    pub contact_name: String,
    pub email: Option<String>,
    /// E.164, e.g. `+6281234567890`.
    pub phone: Option<String>,
    /// 16 digits.
    pub npwp: Option<String>,
    pub service_interest: Option<String>,
    pub notes: String,
    pub need_rfq: bool,
    #[schema(value_type = Option<Object>)]
    pub rfq: Option<serde_json::Value>,
    pub customer_id: Uuid,
    pub customer_code: Option<String>,
    pub customer_name: Option<String>,
    pub prospect_id: Uuid,
    pub prospect_code: Option<String>,
    /// Pipeline stage of the lead's prospect.
    pub stage: Option<String>,
    pub ticket_id: Option<Uuid>,
    pub ticket_code: Option<String>,
    /// What linked the lead to an existing customer at entry (`npwp`, `email`, `phone`,
    /// `company_name`), `null` when the customer was new.
    pub matched_on: Option<String>,
    pub marketing_owner_user_id: Option<Uuid>,
    pub marketing_owner_name: Option<String>,
    pub sales_owner_user_id: Option<Uuid>,
    pub sales_owner_name: Option<String>,
    pub assigned_at: Option<DateTime<Utc>>,
    pub created_by: Option<Uuid>,
    pub created_by_name: Option<String>,
    pub deleted_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<LeadRow> for Lead {
    fn from(r: LeadRow) -> Self {
        Self {
            id: r.id,
            lead_code: r.lead_code,
            status: r.status,
            channel: r.channel,
            channel_name: r.channel_name,
            utm_source: r.utm_source,
            utm_medium: r.utm_medium,
            utm_campaign: r.utm_campaign,
            company_name: r.company_name,
            contact_name: r.contact_name,
            email: r.email,
            phone: r.phone,
            npwp: r.npwp,
            service_interest: r.service_interest,
            notes: r.notes,
            need_rfq: r.need_rfq,
            rfq: r.rfq,
            customer_id: r.customer_id,
            customer_code: r.customer_code,
            customer_name: r.customer_name,
            prospect_id: r.prospect_id,
            prospect_code: r.prospect_code,
            stage: r.stage,
            ticket_id: r.ticket_id,
            ticket_code: r.ticket_code,
            matched_on: r.matched_on,
            marketing_owner_user_id: r.marketing_owner_user_id,
            marketing_owner_name: r.marketing_owner_name,
            sales_owner_user_id: r.sales_owner_user_id,
            sales_owner_name: r.sales_owner_name,
            assigned_at: r.assigned_at,
            created_by: r.created_by,
            created_by_name: r.created_by_name,
            deleted_at: r.deleted_at,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LeadQuery {
    /// Text over company, contact, e-mail and phone (any phone format), or a lead code.
    pub q: Option<String>,
    /// Comma-separated statuses.
    pub status: Option<String>,
    /// Comma-separated channel codes.
    pub channel: Option<String>,
    /// Sales owner: a user id or `me`.
    pub owner: Option<String>,
    /// Marketing owner: a user id or `me`.
    pub marketing_owner: Option<String>,
    /// `true`: the handover queue (no sales owner yet).
    pub unassigned: Option<bool>,
    pub customer_id: Option<Uuid>,
    pub prospect_id: Option<Uuid>,
    pub need_rfq: Option<bool>,
    /// First day (Asia/Jakarta) of `created_at`, `YYYY-MM-DD`.
    pub from: Option<NaiveDate>,
    /// Last day (inclusive) of `created_at`, `YYYY-MM-DD`.
    pub to: Option<NaiveDate>,
    /// `true`: soft-deleted leads (managers restore them from here).
    pub deleted: Option<bool>,
    #[param(minimum = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<i64>,
    /// created_at, lead_code, company_name, contact_name, status, channel, updated_at; `-` for descending.
    pub sort: Option<String>,
}

impl LeadQuery {
    pub fn filter(&self, user: &UserPrincipal) -> ApiResult<LeadFilter> {
        let q = text(self.q.clone());
        if let (Some(from), Some(to)) = (self.from, self.to) {
            if from > to {
                return Err(ApiError::validation("to", "must not be before from"));
            }
        }
        Ok(LeadFilter {
            q_phone: phone_query(q.as_deref()),
            q,
            status: enum_list::<LeadStatus>("status", self.status.as_deref(), LeadStatus::as_str)?,
            channel: self
                .channel
                .as_deref()
                .map(|raw| {
                    raw.split(',')
                        .map(|c| c.trim().to_lowercase())
                        .filter(|c| !c.is_empty())
                        .collect()
                })
                .unwrap_or_default(),
            sales_owner_user_id: owner_filter("owner", self.owner.as_deref(), user.id)?,
            marketing_owner_user_id: owner_filter(
                "marketing_owner",
                self.marketing_owner.as_deref(),
                user.id,
            )?,
            unassigned: self.unassigned,
            customer_id: self.customer_id,
            prospect_id: self.prospect_id,
            need_rfq: self.need_rfq,
            from: self.from,
            to: self.to,
            deleted: self.deleted.unwrap_or(false),
        })
    }
}

/// Lists leads in the caller's scope (CRM-6).
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(LeadQuery),
    responses(
        (status = 200, description = "A page of leads", body = ListBody<Lead>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "No CRM access", body = ErrorBody),
        (status = 422, description = "Invalid filter, paging or sort", body = ErrorBody),
    )
)]
#[get("/leads")]
#[tracing::instrument(name = "GET /leads", skip_all)]
pub async fn list_leads(
    ctx: UserTx,
    query: web::Query<LeadQuery>,
) -> ApiResult<web::Json<ListBody<Lead>>> {
    let UserTx { mut tx, user } = ctx;
    require_crm(&user)?;
    let page = page_request(query.page, query.per_page)?;
    let sort = sql_sort(query.sort.as_deref(), leads::SORT)?;
    let filter = query.filter(&user)?;
    let rows = leads::list(&mut tx, &filter, page, &sort).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(ListBody::new(rows, page, Lead::from)))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RfqRequest {
    /// EXIM, DOM, IMP or WH: the department that quotes.
    #[schema(example = "EXIM")]
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
        npwp_key: keys.npwp().map(|n| n.as_str().to_owned()),
        email_key: keys.email().map(|e| e.as_str().to_owned()),
        phone_key: keys.phone().map(|p| p.as_str().to_owned()),
        company_key: keys.company().map(|c| c.as_str().to_owned()),
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

/// One lead (deleted ones too, for the restore view).
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Lead id")),
    responses(
        (status = 200, description = "The lead", body = Lead),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "No CRM access", body = ErrorBody),
        (status = 404, description = "No such lead in your scope", body = ErrorBody),
    )
)]
#[get("/leads/{id}")]
#[tracing::instrument(name = "GET /leads/{id}", skip_all)]
pub async fn get_lead(ctx: UserTx, id: web::Path<Uuid>) -> ApiResult<web::Json<Lead>> {
    let UserTx { mut tx, user } = ctx;
    require_crm(&user)?;
    let row = leads::get(&mut tx, id.into_inner()).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(row.into()))
}

/// Editable lead fields; an empty string clears an optional field. Identity changes
/// do not re-link the customer (merge duplicates instead).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateLeadRequest {
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
    let body = body.value;
    let mut errors = FieldErrors::new();
    let status = body
        .status
        .as_deref()
        .and_then(|raw| errors.take("status", raw.parse::<LeadStatus>()))
        .map(|s| s.as_str().to_owned());
    let email = body.email.map(|raw| {
        text(Some(raw)).and_then(|raw| {
            errors
                .take("email", domain::Email::parse(&raw))
                .map(|e| e.as_str().to_owned())
        })
    });
    let phone = body.phone.map(|raw| {
        text(Some(raw)).and_then(|raw| {
            errors
                .take("phone", domain::crm::PhoneE164::parse(&raw))
                .map(|p| p.as_str().to_owned())
        })
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
        service_interest: clearable(&mut errors, "service_interest", body.service_interest, 200),
        notes: body
            .notes
            .map(|n| bounded(&mut errors, "notes", Some(n), 4000, false).unwrap_or_default()),
        utm_source: clearable(&mut errors, "utm_source", body.utm_source, 200),
        utm_medium: clearable(&mut errors, "utm_medium", body.utm_medium, 200),
        utm_campaign: clearable(&mut errors, "utm_campaign", body.utm_campaign, 200),
    };
    errors.into_result().map_err(ApiError::Validation)?;
    let row = leads::update(&mut tx, id.into_inner(), &changes).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(row.into()))
}

/// Soft-deletes a lead: it leaves lists and exports; managers can restore it.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Lead id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "No CRM access", body = ErrorBody),
        (status = 404, description = "No such live lead in your scope", body = ErrorBody),
    )
)]
#[delete("/leads/{id}")]
#[tracing::instrument(name = "DELETE /leads/{id}", skip_all)]
pub async fn delete_lead(ctx: UserTx, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_crm(&user)?;
    leads::set_deleted(&mut tx, id.into_inner(), true, user.id).await?;
    persistence::commit(tx).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Restores a soft-deleted lead (managers).
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Lead id")),
    responses(
        (status = 200, description = "The restored lead", body = Lead),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Only managers restore", body = ErrorBody),
        (status = 404, description = "No such deleted lead in your scope", body = ErrorBody),
    )
)]
#[post("/leads/{id}/restore")]
#[tracing::instrument(name = "POST /leads/{id}/restore", skip_all)]
pub async fn restore_lead(ctx: UserTx, id: web::Path<Uuid>) -> ApiResult<web::Json<Lead>> {
    let UserTx { mut tx, user } = ctx;
    require_role(&user, CrmAccess::manages)?;
    let id = id.into_inner();
    leads::set_deleted(&mut tx, id, false, user.id).await?;
    let row = leads::get(&mut tx, id).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(row.into()))
}

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
    bundle::assign_lead(&mut tx, id, owner).await?;
    let row = leads::get(&mut tx, id).await?;
    bundle::notify_assignee(
        &mut tx,
        &row.lead_code,
        row.customer_name.as_deref(),
        id,
        owner,
    )
    .await?;
    persistence::commit(tx).await?;
    Ok(web::Json(row.into()))
}

/// Registers the operations of this sub-module.
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_leads)
        .service(create_lead)
        .service(get_lead)
        .service(update_lead)
        .service(delete_lead)
        .service(restore_lead)
        .service(assign_lead);
}
