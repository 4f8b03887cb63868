//! GET /notifications (NTF-1).

use actix_web::{get, web};
use persistence::notifications;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::Notification;
use crate::{
    api::page_request,
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

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
