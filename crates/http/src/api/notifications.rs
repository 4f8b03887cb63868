//! NTF-1, the in-app part: my notifications, the unread count, mark read.

use actix_web::{get, post, web, HttpResponse};
use chrono::{DateTime, Utc};
use persistence::notifications::{self, NotificationRow};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::{
    api::page_request,
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Serialize, ToSchema)]
pub struct Notification {
    pub id: Uuid,
    /// lead_assigned, task_due, ticket_assigned, sla_at_risk, invoice_overdue,
    /// import_finished or system.
    pub kind: String,
    pub title: String,
    pub body: String,
    /// Where in the SPA the notification leads, e.g. `/crm/leads/<id>`.
    pub link: Option<String>,
    pub read_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl From<NotificationRow> for Notification {
    fn from(r: NotificationRow) -> Self {
        Self {
            id: r.id,
            kind: r.kind,
            title: r.title,
            body: r.body,
            link: r.link,
            read_at: r.read_at,
            created_at: r.created_at,
        }
    }
}

/// A page of notifications plus the unread count for the bell.
#[derive(Debug, Serialize, ToSchema)]
pub struct NotificationList {
    pub data: Vec<Notification>,
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
    /// All my unread notifications.
    pub unread: i64,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NotificationQuery {
    pub unread_only: Option<bool>,
    #[param(minimum = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<i64>,
}

/// My notifications, newest first.
#[utoipa::path(
    tag = "notifications",
    security(("bearer" = [])),
    params(NotificationQuery),
    responses(
        (status = 200, description = "A page of my notifications", body = NotificationList),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 422, description = "Invalid paging", body = ErrorBody),
    )
)]
#[get("/notifications")]
#[tracing::instrument(name = "GET /notifications", skip_all)]
pub async fn list_notifications(
    ctx: UserTx,
    query: web::Query<NotificationQuery>,
) -> ApiResult<web::Json<NotificationList>> {
    let UserTx { mut tx, .. } = ctx;
    let page = page_request(query.page, query.per_page)?;
    let rows = notifications::list(&mut tx, query.unread_only.unwrap_or(false), page).await?;
    let unread = notifications::unread_count(&mut tx).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(NotificationList {
        data: rows.rows.into_iter().map(Notification::from).collect(),
        total: rows.total,
        page: page.page,
        per_page: page.per_page,
        unread,
    }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UnreadCount {
    pub unread: i64,
}

/// The unread count alone, for polling the bell.
#[utoipa::path(
    tag = "notifications",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Unread notifications", body = UnreadCount),
        (status = 401, description = "Not signed in", body = ErrorBody),
    )
)]
#[get("/notifications/unread-count")]
#[tracing::instrument(name = "GET /notifications/unread-count", skip_all)]
pub async fn unread_count(ctx: UserTx) -> ApiResult<web::Json<UnreadCount>> {
    let UserTx { mut tx, .. } = ctx;
    let unread = notifications::unread_count(&mut tx).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(UnreadCount { unread }))
}

/// Marks one of my notifications read.
#[utoipa::path(
    tag = "notifications",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Notification id")),
    responses(
        (status = 204, description = "Marked read"),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such notification of yours", body = ErrorBody),
    )
)]
#[post("/notifications/{id}/read")]
#[tracing::instrument(name = "POST /notifications/{id}/read", skip_all)]
pub async fn mark_read(ctx: UserTx, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, .. } = ctx;
    notifications::mark_read(&mut tx, id.into_inner()).await?;
    persistence::commit(tx).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MarkedRead {
    /// How many notifications were marked.
    pub updated: u64,
}

/// Marks all my notifications read.
#[utoipa::path(
    tag = "notifications",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Marked", body = MarkedRead),
        (status = 401, description = "Not signed in", body = ErrorBody),
    )
)]
#[post("/notifications/read-all")]
#[tracing::instrument(name = "POST /notifications/read-all", skip_all)]
pub async fn mark_all_read(ctx: UserTx) -> ApiResult<web::Json<MarkedRead>> {
    let UserTx { mut tx, .. } = ctx;
    let updated = notifications::mark_all_read(&mut tx).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(MarkedRead { updated }))
}

/// Registers the operations of this module (literal paths before `{id}` paths).
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_notifications)
        .service(unread_count)
        .service(mark_all_read)
        .service(mark_read);
}
