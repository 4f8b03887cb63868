//! Marketing inputs of CRM-7: channels, products, ad spend and marketing events.

use actix_web::{get, http::StatusCode, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, NaiveDate, Utc};
use domain::{money::Amount, FieldErrors, Role};
use persistence::{
    crm::marketing::{self, EventFilter, NewEvent, NewSpend, ProductFilter, SpendFilter},
    UserPrincipal,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::{bounded, text};
use crate::{
    api::{page_request, ListBody},
    error::{ApiError, ApiResult, ErrorBody},
    extract::{IdempotencyKey, UserTx, ValidJson},
    idempotency::{Claimed, Idempotency},
};

const PLATFORMS: [&str; 4] = ["tiktok", "instagram", "meta", "google"];
const EVENT_TYPES: [&str; 6] = [
    "campaign",
    "content",
    "exhibition",
    "webinar",
    "promotion",
    "other",
];

/// Marketing data: read by marketing, super_admin and the director; entered by marketing
/// and super_admin.
fn require_marketing(user: &UserPrincipal, write: bool) -> ApiResult<()> {
    let allowed = match user.role {
        Role::SuperAdmin | Role::MarketingManager | Role::MarketingStaff => true,
        Role::Director => !write,
        _ => false,
    };
    if allowed {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Channel {
    #[schema(example = "instagram_ads")]
    pub code: String,
    pub name: String,
    /// organic, ads, referral, event or other.
    pub source_group: String,
    /// tiktok, instagram, meta or google for paid channels.
    pub ads_platform: Option<String>,
    pub is_active: bool,
    /// Values (UTM sources, form entries) that mean this channel.
    pub aliases: Vec<String>,
}

/// Lead channels and their aliases.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Channels in display order", body = Vec<Channel>),
        (status = 401, description = "Not signed in", body = ErrorBody),
    )
)]
#[get("/channels")]
#[tracing::instrument(name = "GET /channels", skip_all)]
pub async fn list_channels(ctx: UserTx) -> ApiResult<web::Json<Vec<Channel>>> {
    let UserTx { mut tx, .. } = ctx;
    let rows = marketing::channels(&mut tx).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(
        rows.into_iter()
            .map(|r| Channel {
                code: r.code,
                name: r.name,
                source_group: r.source_group,
                ads_platform: r.ads_platform,
                is_active: r.is_active,
                aliases: r.aliases,
            })
            .collect(),
    ))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Product {
    pub id: Uuid,
    #[schema(example = "EXIM-FCL")]
    pub code: String,
    pub name: String,
    /// EXIM, DOM, IMP or WH.
    pub service: Option<String>,
    pub description: String,
    pub is_active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<marketing::ProductRow> for Product {
    fn from(r: marketing::ProductRow) -> Self {
        Self {
            id: r.id,
            code: r.code,
            name: r.name,
            service: r.service,
            description: r.description,
            is_active: r.is_active,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProductQuery {
    pub q: Option<String>,
    pub service: Option<String>,
    pub is_active: Option<bool>,
    #[param(minimum = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<i64>,
}

/// Services and programs the company sells.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(ProductQuery),
    responses(
        (status = 200, description = "A page of products", body = ListBody<Product>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 422, description = "Invalid paging", body = ErrorBody),
    )
)]
#[get("/products")]
#[tracing::instrument(name = "GET /products", skip_all)]
pub async fn list_products(
    ctx: UserTx,
    query: web::Query<ProductQuery>,
) -> ApiResult<web::Json<ListBody<Product>>> {
    let UserTx { mut tx, .. } = ctx;
    let query = query.into_inner();
    let page = page_request(query.page, query.per_page)?;
    let filter = ProductFilter {
        q: text(query.q),
        service: text(query.service),
        is_active: query.is_active,
    };
    let rows = marketing::products(&mut tx, &filter, page).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(ListBody::new(rows, page, Product::from)))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateProductRequest {
    /// Upper-case letters, digits and dashes, e.g. `EXIM-FCL`.
    pub code: Option<String>,
    pub name: Option<String>,
    /// EXIM, DOM, IMP or WH.
    pub service: Option<String>,
    pub description: Option<String>,
}

/// Adds a product (super_admin, marketing_manager).
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    request_body = CreateProductRequest,
    responses(
        (status = 201, description = "Created", body = Product),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not allowed", body = ErrorBody),
        (status = 409, description = "Code already used", body = ErrorBody),
        (status = 422, description = "Invalid fields", body = ErrorBody),
    )
)]
#[post("/products")]
#[tracing::instrument(name = "POST /products", skip_all)]
pub async fn create_product(
    ctx: UserTx,
    body: ValidJson<CreateProductRequest>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    if !matches!(user.role, Role::SuperAdmin | Role::MarketingManager) {
        return Err(ApiError::Forbidden);
    }
    let b = body.value;
    let mut errors = FieldErrors::new();
    let code = bounded(&mut errors, "code", b.code, 31, true).map(|c| c.to_uppercase());
    if let Some(code) = &code {
        let valid = code.len() >= 2
            && code
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric())
            && code
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
        if !valid {
            errors.add(
                "code",
                "use 2–31 upper-case letters, digits and dashes, e.g. EXIM-FCL",
            );
        }
    }
    let name = bounded(&mut errors, "name", b.name, 200, true);
    let service = text(b.service).map(|s| s.to_uppercase());
    if let Some(service) = &service {
        if service.parse::<domain::crm::RfqService>().is_err() {
            errors.add("service", "must be one of EXIM, DOM, IMP, WH");
        }
    }
    let description = bounded(&mut errors, "description", b.description, 2000, false);
    errors.into_result().map_err(ApiError::Validation)?;
    let row = marketing::insert_product(
        &mut tx,
        &code.unwrap_or_default(),
        &name.unwrap_or_default(),
        service.as_deref(),
        &description.unwrap_or_default(),
        user.id,
    )
    .await?;
    persistence::commit(tx).await?;
    Ok(HttpResponse::Created().json(Product::from(row)))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Spend {
    pub id: Uuid,
    /// tiktok, instagram, meta or google.
    pub platform: String,
    pub spend_date: NaiveDate,
    /// IDR, decimal string.
    #[schema(example = "1500000.00")]
    pub amount: String,
    pub impressions: Option<i64>,
    pub clicks: Option<i64>,
    pub campaign: Option<String>,
    pub created_by: Option<Uuid>,
    pub created_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl From<marketing::SpendRow> for Spend {
    fn from(r: marketing::SpendRow) -> Self {
        Self {
            id: r.id,
            platform: r.platform,
            spend_date: r.spend_date,
            amount: r.amount,
            impressions: r.impressions,
            clicks: r.clicks,
            campaign: r.campaign,
            created_by: r.created_by,
            created_by_name: r.created_by_name,
            created_at: r.created_at,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SpendQuery {
    pub platform: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    #[param(minimum = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<i64>,
}

/// Ad spend entries, newest day first.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(SpendQuery),
    responses(
        (status = 200, description = "A page of spend entries", body = ListBody<Spend>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Marketing data", body = ErrorBody),
        (status = 422, description = "Invalid filter or paging", body = ErrorBody),
    )
)]
#[get("/marketing/spend")]
#[tracing::instrument(name = "GET /marketing/spend", skip_all)]
pub async fn list_spend(
    ctx: UserTx,
    query: web::Query<SpendQuery>,
) -> ApiResult<web::Json<ListBody<Spend>>> {
    let UserTx { mut tx, user } = ctx;
    require_marketing(&user, false)?;
    let query = query.into_inner();
    let page = page_request(query.page, query.per_page)?;
    let platform = text(query.platform).map(|p| p.to_lowercase());
    if platform.as_deref().is_some_and(|p| !PLATFORMS.contains(&p)) {
        return Err(ApiError::validation(
            "platform",
            "must be one of tiktok, instagram, meta, google",
        ));
    }
    let filter = SpendFilter {
        platform,
        from: query.from,
        to: query.to,
    };
    let rows = marketing::spend(&mut tx, &filter, page).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(ListBody::new(rows, page, Spend::from)))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateSpendRequest {
    /// tiktok, instagram, meta or google.
    pub platform: Option<String>,
    pub spend_date: Option<NaiveDate>,
    /// IDR, decimal string.
    #[schema(example = "1500000.00")]
    pub amount: Option<String>,
    pub impressions: Option<i64>,
    pub clicks: Option<i64>,
    pub campaign: Option<String>,
}

/// Records ad spend of one platform and day. Accepts `Idempotency-Key`.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    request_body = CreateSpendRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe")),
    responses(
        (status = 201, description = "Recorded", body = Spend),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Marketing only", body = ErrorBody),
        (status = 422, description = "Invalid fields", body = ErrorBody),
    )
)]
#[post("/marketing/spend")]
#[tracing::instrument(name = "POST /marketing/spend", skip_all)]
pub async fn create_spend(
    ctx: UserTx,
    req: HttpRequest,
    key: IdempotencyKey,
    body: ValidJson<CreateSpendRequest>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_marketing(&user, true)?;
    let b = body.value;
    let mut errors = FieldErrors::new();
    let platform = text(b.platform).map(|p| p.to_lowercase());
    match platform.as_deref() {
        None => errors.add("platform", "is required"),
        Some(p) if !PLATFORMS.contains(&p) => {
            errors.add("platform", "must be one of tiktok, instagram, meta, google");
        }
        _ => {}
    }
    if b.spend_date.is_none() {
        errors.add("spend_date", "is required");
    }
    let amount = match text(b.amount) {
        None => {
            errors.add("amount", "is required");
            None
        }
        Some(raw) => errors.take("amount", Amount::parse(&raw)),
    };
    for (field, value) in [("impressions", b.impressions), ("clicks", b.clicks)] {
        if value.is_some_and(|v| v < 0) {
            errors.add(field, "must not be negative");
        }
    }
    let campaign = bounded(&mut errors, "campaign", b.campaign, 200, false);
    errors.into_result().map_err(ApiError::Validation)?;
    let idem = match Idempotency::claim(&mut tx, key, &req, &body.fingerprint).await? {
        Claimed::Proceed(idem) => idem,
        Claimed::Replay(response) => return Ok(response),
    };
    let row = marketing::insert_spend(
        &mut tx,
        &NewSpend {
            platform: platform.unwrap_or_default(),
            spend_date: b.spend_date.unwrap_or_default(),
            amount: amount.map(|a| a.to_string()).unwrap_or_default(),
            impressions: b.impressions,
            clicks: b.clicks,
            campaign,
            created_by: user.id,
        },
    )
    .await?;
    let response = idem
        .respond(&mut tx, StatusCode::CREATED, &Spend::from(row))
        .await?;
    persistence::commit(tx).await?;
    Ok(response)
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MarketingEvent {
    pub id: Uuid,
    pub event_date: NaiveDate,
    pub title: String,
    /// campaign, content, exhibition, webinar, promotion or other.
    pub event_type: String,
    pub channel: Option<String>,
    pub description: String,
    /// IDR, decimal string.
    pub budget: Option<String>,
    pub created_by: Option<Uuid>,
    pub created_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl From<marketing::EventRow> for MarketingEvent {
    fn from(r: marketing::EventRow) -> Self {
        Self {
            id: r.id,
            event_date: r.event_date,
            title: r.title,
            event_type: r.event_type,
            channel: r.channel,
            description: r.description,
            budget: r.budget,
            created_by: r.created_by,
            created_by_name: r.created_by_name,
            created_at: r.created_at,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventQuery {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    #[param(minimum = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<i64>,
}

/// Marketing events (campaigns, content, exhibitions…), newest first.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(EventQuery),
    responses(
        (status = 200, description = "A page of events", body = ListBody<MarketingEvent>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Marketing data", body = ErrorBody),
    )
)]
#[get("/marketing/events")]
#[tracing::instrument(name = "GET /marketing/events", skip_all)]
pub async fn list_events(
    ctx: UserTx,
    query: web::Query<EventQuery>,
) -> ApiResult<web::Json<ListBody<MarketingEvent>>> {
    let UserTx { mut tx, user } = ctx;
    require_marketing(&user, false)?;
    let query = query.into_inner();
    let page = page_request(query.page, query.per_page)?;
    let filter = EventFilter {
        from: query.from,
        to: query.to,
    };
    let rows = marketing::events(&mut tx, &filter, page).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(ListBody::new(rows, page, MarketingEvent::from)))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateEventRequest {
    pub event_date: Option<NaiveDate>,
    pub title: Option<String>,
    /// campaign, content, exhibition, webinar, promotion or other.
    pub event_type: Option<String>,
    /// A channel code.
    pub channel: Option<String>,
    pub description: Option<String>,
    /// IDR, decimal string.
    pub budget: Option<String>,
}

/// Records a marketing event. Accepts `Idempotency-Key`.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    request_body = CreateEventRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe")),
    responses(
        (status = 201, description = "Recorded", body = MarketingEvent),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Marketing only", body = ErrorBody),
        (status = 422, description = "Invalid fields", body = ErrorBody),
    )
)]
#[post("/marketing/events")]
#[tracing::instrument(name = "POST /marketing/events", skip_all)]
pub async fn create_event(
    ctx: UserTx,
    req: HttpRequest,
    key: IdempotencyKey,
    body: ValidJson<CreateEventRequest>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_marketing(&user, true)?;
    let b = body.value;
    let mut errors = FieldErrors::new();
    if b.event_date.is_none() {
        errors.add("event_date", "is required");
    }
    let title = bounded(&mut errors, "title", b.title, 200, true);
    let event_type = text(b.event_type).map(|t| t.to_lowercase());
    match event_type.as_deref() {
        None => errors.add("event_type", "is required"),
        Some(t) if !EVENT_TYPES.contains(&t) => errors.add(
            "event_type",
            format!("must be one of {}", EVENT_TYPES.join(", ")),
        ),
        _ => {}
    }
    let channel = text(b.channel).map(|c| c.to_lowercase());
    let description = bounded(&mut errors, "description", b.description, 4000, false);
    let budget = text(b.budget).and_then(|raw| errors.take("budget", Amount::parse(&raw)));
    errors.into_result().map_err(ApiError::Validation)?;
    let idem = match Idempotency::claim(&mut tx, key, &req, &body.fingerprint).await? {
        Claimed::Proceed(idem) => idem,
        Claimed::Replay(response) => return Ok(response),
    };
    let row = marketing::insert_event(
        &mut tx,
        &NewEvent {
            event_date: b.event_date.unwrap_or_default(),
            title: title.unwrap_or_default(),
            event_type: event_type.unwrap_or_default(),
            channel,
            description: description.unwrap_or_default(),
            budget: budget.map(|a| a.to_string()),
            created_by: user.id,
        },
    )
    .await?;
    let response = idem
        .respond(&mut tx, StatusCode::CREATED, &MarketingEvent::from(row))
        .await?;
    persistence::commit(tx).await?;
    Ok(response)
}

/// Registers the operations of this sub-module.
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_channels)
        .service(list_products)
        .service(create_product)
        .service(list_spend)
        .service(create_spend)
        .service(list_events)
        .service(create_event);
}
