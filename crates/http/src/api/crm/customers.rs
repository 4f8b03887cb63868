//! Customers: lists (CRM-6), Customer 360 and timeline (CRM-8), duplicate review and
//! merge (CRM-9).

use actix_web::{get, patch, post, web, HttpResponse};
use chrono::{DateTime, Utc};
use domain::{
    crm::{parse_point, CompanyKey, CrmAccess, Npwp, PhoneE164},
    Email, FieldErrors,
};
use persistence::crm::{
    activities::{self, ActivityFilter},
    customers::{self, CustomerChanges, CustomerFilter, CustomerRow},
    leads::{self, LeadFilter},
    prospects::{self, ProspectFilter},
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::{
    activities::Activity, bounded, leads::Lead, owner_filter, phone_query, prospects::Prospect,
    require_crm, require_role, sql_sort, text,
};
use crate::{
    api::{page_request, ListBody},
    error::{ApiError, ApiResult, ErrorBody},
    extract::{UserTx, ValidJson},
};

#[derive(Debug, Serialize, ToSchema)]
pub struct Customer {
    pub id: Uuid,
    #[schema(example = "CUST-2026-000042")]
    pub customer_code: String,
    pub company_name: String,
    pub npwp: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub contact_name: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub owner_user_id: Option<Uuid>,
    pub owner_name: Option<String>,
    pub notes: String,
    pub lead_count: i64,
    pub open_prospects: i64,
    pub deleted_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<CustomerRow> for Customer {
    fn from(r: CustomerRow) -> Self {
        Self {
            id: r.id,
            customer_code: r.customer_code,
            company_name: r.company_name,
            npwp: r.npwp,
            email: r.email,
            phone: r.phone,
            contact_name: r.contact_name,
            address: r.address,
            city: r.city,
            latitude: r.latitude,
            longitude: r.longitude,
            owner_user_id: r.owner_user_id,
            owner_name: r.owner_name,
            notes: r.notes,
            lead_count: r.lead_count,
            open_prospects: r.open_prospects,
            deleted_at: r.deleted_at,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CustomerQuery {
    /// Text over name, contact, e-mail, phone (any format), code or NPWP.
    pub q: Option<String>,
    /// Owner: a user id or `me`.
    pub owner: Option<String>,
    pub city: Option<String>,
    pub deleted: Option<bool>,
    #[param(minimum = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<i64>,
    /// company_name, customer_code, city, created_at, updated_at; `-` for descending.
    pub sort: Option<String>,
}

impl CustomerQuery {
    pub fn filter(&self, user: &persistence::UserPrincipal) -> ApiResult<CustomerFilter> {
        let q = text(self.q.clone());
        Ok(CustomerFilter {
            q_phone: phone_query(q.as_deref()),
            q,
            owner_user_id: owner_filter("owner", self.owner.as_deref(), user.id)?,
            city: text(self.city.clone()),
            deleted: self.deleted.unwrap_or(false),
        })
    }
}

/// Lists customers in the caller's scope.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(CustomerQuery),
    responses(
        (status = 200, description = "A page of customers", body = ListBody<Customer>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "No CRM access", body = ErrorBody),
        (status = 422, description = "Invalid filter, paging or sort", body = ErrorBody),
    )
)]
#[get("/customers")]
#[tracing::instrument(name = "GET /customers", skip_all)]
pub async fn list_customers(
    ctx: UserTx,
    query: web::Query<CustomerQuery>,
) -> ApiResult<web::Json<ListBody<Customer>>> {
    let UserTx { mut tx, user } = ctx;
    require_crm(&user)?;
    let page = page_request(query.page, query.per_page)?;
    let sort = sql_sort(query.sort.as_deref(), customers::SORT)?;
    let filter = query.filter(&user)?;
    let rows = customers::list(&mut tx, &filter, page, &sort).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(ListBody::new(rows, page, Customer::from)))
}

/// Customer 360 (CRM-8): the customer with its prospects, recent leads and activities
/// and tickets, all within the caller's scope.
#[derive(Debug, Serialize, ToSchema)]
pub struct Customer360 {
    pub customer: Customer,
    pub prospects: Vec<Prospect>,
    pub leads: Vec<Lead>,
    pub activities: Vec<Activity>,
    pub tickets: Vec<CustomerTicket>,
    /// Documents in bucket `customer-documents`; download through `GET /files/{file_id}`.
    pub documents: Vec<CustomerDocument>,
    /// Invoices and AR arrive with the DSO module; empty until then.
    #[schema(value_type = Vec<Object>)]
    pub invoices: Vec<serde_json::Value>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CustomerDocument {
    pub id: Uuid,
    pub file_id: Uuid,
    pub title: String,
    pub original_name: Option<String>,
    pub content_type: Option<String>,
    pub size_bytes: Option<i64>,
    pub uploaded_by: Option<Uuid>,
    pub uploaded_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl From<customers::DocumentRow> for CustomerDocument {
    fn from(r: customers::DocumentRow) -> Self {
        Self {
            id: r.id,
            file_id: r.file_id,
            title: r.title,
            original_name: r.original_name,
            content_type: r.content_type,
            size_bytes: r.size_bytes,
            uploaded_by: r.uploaded_by,
            uploaded_by_name: r.uploaded_by_name,
            created_at: r.created_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CustomerTicket {
    pub id: Uuid,
    pub ticket_code: String,
    pub ticket_type: String,
    pub status: String,
    pub priority: String,
    pub dept_target: String,
    pub subject: String,
    pub created_at: DateTime<Utc>,
}

/// One customer with everything around it (Customer 360).
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Customer id")),
    responses(
        (status = 200, description = "Customer 360", body = Customer360),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "No CRM access", body = ErrorBody),
        (status = 404, description = "No such customer in your scope", body = ErrorBody),
    )
)]
#[get("/customers/{id}")]
#[tracing::instrument(name = "GET /customers/{id}", skip_all)]
pub async fn get_customer(ctx: UserTx, id: web::Path<Uuid>) -> ApiResult<web::Json<Customer360>> {
    let UserTx { mut tx, user } = ctx;
    require_crm(&user)?;
    let id = id.into_inner();
    let customer = customers::get(&mut tx, id).await?;
    if customer.merged_into_id.is_some() {
        return Err(ApiError::NotFound);
    }
    let first = domain::list::PageRequest {
        page: 1,
        per_page: 50,
    };
    let prospects = prospects::list(
        &mut tx,
        &ProspectFilter {
            customer_id: Some(id),
            ..ProspectFilter::default()
        },
        first,
        &[],
    )
    .await?;
    let leads = leads::list(
        &mut tx,
        &LeadFilter {
            customer_id: Some(id),
            ..LeadFilter::default()
        },
        first,
        &[],
    )
    .await?;
    let activities = activities::list(
        &mut tx,
        &ActivityFilter {
            customer_id: Some(id),
            include_system: true,
            ..ActivityFilter::default()
        },
        first,
        &[],
    )
    .await?;
    let tickets = customer_tickets(&mut tx, id).await?;
    let documents = customers::documents(&mut tx, id).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(Customer360 {
        customer: customer.into(),
        prospects: prospects.rows.into_iter().map(Prospect::from).collect(),
        leads: leads.rows.into_iter().map(Lead::from).collect(),
        activities: activities.rows.into_iter().map(Activity::from).collect(),
        tickets,
        documents: documents.into_iter().map(CustomerDocument::from).collect(),
        invoices: Vec::new(),
    }))
}

async fn customer_tickets(tx: &mut persistence::Tx, id: Uuid) -> ApiResult<Vec<CustomerTicket>> {
    Ok(persistence::crm::customers::tickets(tx, id)
        .await?
        .into_iter()
        .map(|t| CustomerTicket {
            id: t.id,
            ticket_code: t.ticket_code,
            ticket_type: t.ticket_type,
            status: t.status,
            priority: t.priority,
            dept_target: t.dept_target,
            subject: t.subject,
            created_at: t.created_at,
        })
        .collect())
}

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
    let b = body.value;
    let mut errors = FieldErrors::new();
    let company_name = b.company_name.and_then(|raw| {
        let name = bounded(&mut errors, "company_name", Some(raw), 200, true)?;
        let key = errors
            .take("company_name", CompanyKey::parse(&name))
            .map(|k| k.as_str().to_owned());
        Some((name, key))
    });
    let npwp = b.npwp.map(|raw| {
        text(Some(raw)).and_then(|raw| {
            errors
                .take("npwp", Npwp::parse(&raw))
                .map(|n| n.as_str().to_owned())
        })
    });
    let email = b.email.map(|raw| {
        text(Some(raw)).and_then(|raw| {
            errors
                .take("email", Email::parse(&raw))
                .map(|e| e.as_str().to_owned())
        })
    });
    let phone = b.phone.map(|raw| {
        text(Some(raw)).and_then(|raw| {
            errors
                .take("phone", PhoneE164::parse(&raw))
                .map(|p| p.as_str().to_owned())
        })
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
    let row = customers::update(&mut tx, id.into_inner(), &changes).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(row.into()))
}

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

#[derive(Debug, Serialize, ToSchema)]
pub struct DuplicatePair {
    pub customer_id: Uuid,
    pub customer_code: String,
    pub company_name: String,
    pub other_id: Uuid,
    pub other_code: String,
    pub other_name: String,
    /// Trigram similarity of the normalised company names, 0–1.
    pub similarity: f32,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DuplicatesQuery {
    /// Minimum similarity, 0.3–1 (default 0.5).
    pub threshold: Option<f32>,
}

/// Likely duplicate customers for review (CRM-9, managers).
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(DuplicatesQuery),
    responses(
        (status = 200, description = "Pairs, most similar first", body = Vec<DuplicatePair>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Managers only", body = ErrorBody),
    )
)]
#[get("/customers/duplicates")]
#[tracing::instrument(name = "GET /customers/duplicates", skip_all)]
pub async fn list_duplicates(
    ctx: UserTx,
    query: web::Query<DuplicatesQuery>,
) -> ApiResult<web::Json<Vec<DuplicatePair>>> {
    let UserTx { mut tx, user } = ctx;
    require_role(&user, CrmAccess::manages)?;
    let threshold = query.threshold.unwrap_or(0.5);
    if !(0.3..=1.0).contains(&threshold) {
        return Err(ApiError::validation(
            "threshold",
            "must be between 0.3 and 1",
        ));
    }
    let rows = customers::duplicates(&mut tx, threshold, 100).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(
        rows.into_iter()
            .map(|r| DuplicatePair {
                customer_id: r.customer_id,
                customer_code: r.customer_code,
                company_name: r.company_name,
                other_id: r.other_id,
                other_code: r.other_code,
                other_name: r.other_name,
                similarity: r.similarity,
            })
            .collect(),
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MergeCustomersRequest {
    /// The customer that stays.
    pub winner_id: Option<Uuid>,
    /// The customer merged into the winner; its leads, prospects, activities, tasks and
    /// tickets move over.
    pub loser_id: Option<Uuid>,
}

/// Merges two customers (CRM-9, managers). Audited.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    request_body = MergeCustomersRequest,
    responses(
        (status = 200, description = "The surviving customer", body = Customer),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Managers only", body = ErrorBody),
        (status = 404, description = "A customer is not in your scope", body = ErrorBody),
        (status = 422, description = "Invalid fields", body = ErrorBody),
    )
)]
#[post("/customers/merge")]
#[tracing::instrument(name = "POST /customers/merge", skip_all)]
pub async fn merge_customers(
    ctx: UserTx,
    body: ValidJson<MergeCustomersRequest>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_role(&user, CrmAccess::manages)?;
    let mut errors = FieldErrors::new();
    if body.value.winner_id.is_none() {
        errors.add("winner_id", "is required");
    }
    if body.value.loser_id.is_none() {
        errors.add("loser_id", "is required");
    }
    if body.value.winner_id.is_some() && body.value.winner_id == body.value.loser_id {
        errors.add("loser_id", "must differ from winner_id");
    }
    errors.into_result().map_err(ApiError::Validation)?;
    let (Some(winner), Some(loser)) = (body.value.winner_id, body.value.loser_id) else {
        return Err(ApiError::Internal("merge parse invariant".to_owned()));
    };
    for id in [winner, loser] {
        let row = customers::get(&mut tx, id).await?;
        if row.merged_into_id.is_some() {
            return Err(ApiError::NotFound);
        }
    }
    customers::merge(&mut tx, winner, loser).await?;
    let row = customers::get(&mut tx, winner).await?;
    persistence::commit(tx).await?;
    Ok(HttpResponse::Ok().json(Customer::from(row)))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddDocumentRequest {
    /// A file you uploaded with `POST /files?bucket=customer-documents`.
    pub file_id: Option<Uuid>,
    pub title: Option<String>,
}

/// Attaches an uploaded document to a customer (CRM-8).
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Customer id")),
    request_body = AddDocumentRequest,
    responses(
        (status = 201, description = "Attached", body = CustomerDocument),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not allowed to add documents", body = ErrorBody),
        (status = 404, description = "No such customer in your scope", body = ErrorBody),
        (status = 409, description = "The file is already attached", body = ErrorBody),
        (status = 422, description = "Invalid fields", body = ErrorBody),
    )
)]
#[post("/customers/{id}/documents")]
#[tracing::instrument(name = "POST /customers/{id}/documents", skip_all)]
pub async fn add_document(
    ctx: UserTx,
    id: web::Path<Uuid>,
    body: ValidJson<AddDocumentRequest>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_role(&user, CrmAccess::logs_activities)?;
    let b = body.value;
    let mut errors = FieldErrors::new();
    let title = bounded(&mut errors, "title", b.title, 200, true);
    if b.file_id.is_none() {
        errors.add("file_id", "is required");
    }
    errors.into_result().map_err(ApiError::Validation)?;
    let (Some(title), Some(file_id)) = (title, b.file_id) else {
        return Err(ApiError::Internal("document invariant".to_owned()));
    };
    let id = id.into_inner();
    customers::get(&mut tx, id).await?;
    let file = persistence::files::get(&mut tx, file_id).await.ok();
    if file.is_none_or(|f| f.bucket != "customer-documents" || f.uploaded_by != Some(user.id)) {
        return Err(ApiError::validation(
            "file_id",
            "must be a file you uploaded to customer-documents",
        ));
    }
    let row = customers::add_document(&mut tx, id, file_id, &title, user.id).await?;
    persistence::commit(tx).await?;
    Ok(HttpResponse::Created().json(CustomerDocument::from(row)))
}

/// Registers the operations of this sub-module.
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_customers)
        .service(list_duplicates)
        .service(merge_customers)
        .service(get_customer)
        .service(update_customer)
        .service(customer_timeline)
        .service(add_document);
}
