//! GET /broadcast-logs: the logs n8n pushed, newest first (BRD-2).

use actix_web::{get, web};
use chrono::NaiveDate;
use domain::tickets::BROADCAST_STATUSES;
use persistence::broadcasts::{self, BroadcastFilter};
use serde::Deserialize;
use utoipa::IntoParams;

use super::*;
use crate::{
    api::{
        crm::{phone_query, sql_sort, text},
        page_request,
        tickets::{choice_list, BroadcastLog},
        ListBody,
    },
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

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
    #[param(value_type = Option<BroadcastSort>, inline)]
    pub sort: Option<String>,
}

crate::api::sort::sort_param!(BroadcastSort => broadcasts::SORT);

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
    let page = page_request(query.page, query.per_page)?;
    let sort = sql_sort(query.sort.as_deref(), broadcasts::SORT)?;
    let filter = filter(query)?;
    let rows = broadcasts::list(&mut tx, &filter, page, &sort).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(ListBody::new(rows, page, BroadcastLog::from)))
}

/// The logs' filter from the query string; the first invalid parameter is the error.
pub(super) fn filter(query: web::Query<BroadcastQuery>) -> ApiResult<BroadcastFilter> {
    let query = query.into_inner();
    let phone = text(query.phone);
    Ok(BroadcastFilter {
        tracking_number: text(query.tracking_number),
        phone: phone
            .as_deref()
            .map(|p| phone_query(Some(p)).unwrap_or_else(|| p.to_owned())),
        status: choice_list("status", query.status.as_deref(), &BROADCAST_STATUSES)?,
        from: query.from,
        to: query.to,
    })
}
