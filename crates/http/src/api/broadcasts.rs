//! BRD-2: broadcast monitoring — the logs n8n pushed (search by AWB or phone, status and
//! days), the day's summary, and a shipment's state per AWB. For super admin, director
//! and CS (SPEC §3); the database enforces it too.

use actix_web::{get, patch, web};
use chrono::{DateTime, NaiveDate, Utc};
use domain::tickets::{reads_broadcasts, BROADCAST_STATUSES};
use persistence::broadcasts::{self, BroadcastFilter, DayRow, ErrorCount, ShipmentRow};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::{
    api::{
        crm::{analytics::pct, phone_query, sql_sort, text},
        page_request,
        tickets::{choice_list, BroadcastLog},
        ListBody,
    },
    error::{ApiError, ApiResult, ErrorBody},
    extract::{UserTx, ValidJson},
};

/// Days the summary covers.
const SUMMARY_DAYS: i32 = 14;

fn require_reader(role: domain::Role) -> ApiResult<()> {
    if reads_broadcasts(role) {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BroadcastQuery {
    /// Exact AWB.
    pub tracking_number: Option<String>,
    /// The consignee's phone in any Indonesian format.
    pub phone: Option<String>,
    /// Comma-separated: success, failed, pending.
    pub status: Option<String>,
    /// Sent on or after this day (Asia/Jakarta).
    pub from: Option<NaiveDate>,
    /// Sent on or before this day (Asia/Jakarta).
    pub to: Option<NaiveDate>,
    #[param(minimum = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<i64>,
    /// broadcast_at (default, newest first), tracking_number, status.
    pub sort: Option<String>,
}

/// The broadcast logs, newest first.
#[utoipa::path(
    tag = "broadcast",
    security(("bearer" = [])),
    params(BroadcastQuery),
    responses(
        (status = 200, description = "A page of logs", body = ListBody<BroadcastLog>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not a CS, admin or director role", body = ErrorBody),
        (status = 422, description = "Invalid filter", body = ErrorBody),
    )
)]
#[get("/broadcast-logs")]
#[tracing::instrument(name = "GET /broadcast-logs", skip_all)]
pub async fn list_broadcast_logs(
    ctx: UserTx,
    query: web::Query<BroadcastQuery>,
) -> ApiResult<web::Json<ListBody<BroadcastLog>>> {
    let UserTx { mut tx, user } = ctx;
    require_reader(user.role)?;
    let query = query.into_inner();
    let page = page_request(query.page, query.per_page)?;
    let sort = sql_sort(query.sort.as_deref(), broadcasts::SORT)?;
    let status = choice_list("status", query.status.as_deref(), &BROADCAST_STATUSES)?;
    let phone = text(query.phone);
    let filter = BroadcastFilter {
        tracking_number: text(query.tracking_number),
        phone: phone
            .as_deref()
            .map(|p| phone_query(Some(p)).unwrap_or_else(|| p.to_owned())),
        status,
        from: query.from,
        to: query.to,
    };
    let rows = broadcasts::list(&mut tx, &filter, page, &sort).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(ListBody::new(rows, page, BroadcastLog::from)))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BroadcastDay {
    pub day: NaiveDate,
    pub total: i64,
    pub success: i64,
    pub failed: i64,
    pub pending: i64,
    /// Successful of those sent (success + failed), percent with one decimal.
    pub success_rate: f64,
}

impl From<DayRow> for BroadcastDay {
    fn from(d: DayRow) -> Self {
        Self {
            success_rate: pct(d.success, d.success + d.failed),
            day: d.day,
            total: d.total,
            success: d.success,
            failed: d.failed,
            pending: d.pending,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BroadcastError {
    pub error_message: String,
    pub count: i64,
}

impl From<ErrorCount> for BroadcastError {
    fn from(e: ErrorCount) -> Self {
        Self {
            error_message: e.error_message,
            count: e.count,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BroadcastSummary {
    /// Today in Asia/Jakarta.
    pub today: NaiveDate,
    pub sent_today: i64,
    pub failed_today: i64,
    pub pending_today: i64,
    /// The last 14 days, oldest first, days without broadcasts included.
    pub days: Vec<BroadcastDay>,
    /// The most frequent error messages of those 14 days.
    pub top_errors: Vec<BroadcastError>,
}

/// BRD-2 summary: sent, failed and pending today, success rate per day, top errors.
#[utoipa::path(
    tag = "broadcast",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The summary", body = BroadcastSummary),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not a CS, admin or director role", body = ErrorBody),
    )
)]
#[get("/broadcast-logs/summary")]
#[tracing::instrument(name = "GET /broadcast-logs/summary", skip_all)]
pub async fn broadcast_summary(ctx: UserTx) -> ApiResult<web::Json<BroadcastSummary>> {
    let UserTx { mut tx, user } = ctx;
    require_reader(user.role)?;
    let summary = broadcasts::summary(&mut tx, domain::jakarta_today(), SUMMARY_DAYS).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(BroadcastSummary {
        today: summary.today,
        sent_today: summary.sent_today,
        failed_today: summary.failed_today,
        pending_today: summary.pending_today,
        days: summary.days.into_iter().map(Into::into).collect(),
        top_errors: summary.top_errors.into_iter().map(Into::into).collect(),
    }))
}

/// A shipment (per AWB) as its broadcasts left it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Shipment {
    pub tracking_number: String,
    pub consignee_phone: Option<String>,
    /// success, failed or pending: the newest broadcast's outcome.
    pub last_status: String,
    pub last_message: Option<String>,
    pub last_error: Option<String>,
    pub last_broadcast_at: DateTime<Utc>,
    pub broadcast_count: i32,
    pub failed_count: i32,
}

impl From<ShipmentRow> for Shipment {
    fn from(s: ShipmentRow) -> Self {
        Self {
            tracking_number: s.tracking_number,
            consignee_phone: s.consignee_phone,
            last_status: s.last_status,
            last_message: s.last_message,
            last_error: s.last_error,
            last_broadcast_at: s.last_broadcast_at,
            broadcast_count: s.broadcast_count,
            failed_count: s.failed_count,
        }
    }
}

/// A shipment's state from its broadcasts.
#[utoipa::path(
    tag = "broadcast",
    security(("bearer" = [])),
    params(("tracking_number" = String, Path, description = "The AWB")),
    responses(
        (status = 200, description = "The shipment", body = Shipment),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not a CS, admin or director role", body = ErrorBody),
        (status = 404, description = "No broadcast for this AWB", body = ErrorBody),
    )
)]
#[get("/shipments/{tracking_number}")]
#[tracing::instrument(name = "GET /shipments/{tracking_number}", skip_all)]
pub async fn get_shipment(
    ctx: UserTx,
    tracking_number: web::Path<String>,
) -> ApiResult<web::Json<Shipment>> {
    let UserTx { mut tx, user } = ctx;
    require_reader(user.role)?;
    let row = broadcasts::shipment(&mut tx, tracking_number.trim()).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(row.into()))
}

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

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateBroadcastRuleRequest {
    pub enabled: Option<bool>,
    /// low, medium, high, urgent.
    pub priority: Option<String>,
}

/// Switches a rule on or off, or sets the priority of its tickets (super and CS admins).
#[utoipa::path(
    tag = "broadcast",
    security(("bearer" = [])),
    params(("rule" = String, Path, description = "failed_broadcast_ticket")),
    request_body = UpdateBroadcastRuleRequest,
    responses(
        (status = 200, description = "The rule", body = BroadcastRule),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Admins only", body = ErrorBody),
        (status = 404, description = "No such rule", body = ErrorBody),
        (status = 422, description = "Invalid priority", body = ErrorBody),
    )
)]
#[patch("/broadcast-rules/{rule}")]
#[tracing::instrument(name = "PATCH /broadcast-rules/{rule}", skip_all)]
pub async fn update_broadcast_rule(
    ctx: UserTx,
    rule: web::Path<String>,
    body: ValidJson<UpdateBroadcastRuleRequest>,
) -> ApiResult<web::Json<BroadcastRule>> {
    let UserTx { mut tx, user } = ctx;
    if !matches!(user.role, domain::Role::SuperAdmin | domain::Role::CsAdmin) {
        return Err(ApiError::Forbidden);
    }
    let change = body.value;
    let priority = change.priority.map(|p| p.trim().to_lowercase());
    if let Some(p) = priority.as_deref() {
        if !domain::tickets::PRIORITIES.contains(&p) {
            return Err(ApiError::validation(
                "priority",
                "must be one of low, medium, high, urgent",
            ));
        }
    }
    let row = broadcasts::update_rule(
        &mut tx,
        rule.trim(),
        change.enabled,
        priority.as_deref(),
        user.id,
    )
    .await?;
    persistence::commit(tx).await?;
    Ok(web::Json(row.into()))
}

/// Registers the operations of this module (literal paths before `{id}` paths).
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_broadcast_logs)
        .service(broadcast_summary)
        .service(super::intake::broadcasts::create_broadcast_logs)
        .service(get_shipment)
        .service(list_broadcast_rules)
        .service(update_broadcast_rule);
}
