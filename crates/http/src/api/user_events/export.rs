//! GET /exports/user-events (EXP-1): the activity log as .xlsx with the list's filters
//! (paging ignored), every matching row streamed. Exporting it is itself recorded.

use actix_web::{get, HttpResponse};
use domain::user_events::UserEventFilter;
use persistence::user_events::{self, UserEventRow};

use super::{require_reader, Query, UserEventQuery};
use crate::{
    api::sheet_stream::{fill, Cell, Sheet, STREAM_FETCH},
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

const HEADERS: &[&str] = &[
    "Time (WIB)",
    "Type",
    "User",
    "User e-mail",
    "E-mail typed",
    "API key",
    "Resource",
    "Details",
    "IP",
    "User agent",
];

fn cells(e: UserEventRow) -> Vec<Cell> {
    vec![
        e.occurred_at.into(),
        e.kind.0.as_str().into(),
        e.user_name.into(),
        e.user_email.into(),
        e.email.into(),
        e.api_key_name.into(),
        e.resource.into(),
        e.details.to_string().into(),
        e.ip.into(),
        e.user_agent.into(),
    ]
}

/// Exports the events matching the filters of `GET /user-events`, every page.
#[utoipa::path(
    tag = "user-events",
    security(("bearer" = [])),
    params(UserEventQuery),
    responses(
        (status = 200, description = "The workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Only super admins read the activity log", body = ErrorBody),
        (status = 422, description = "Invalid filter, or more rows than one worksheet holds", body = ErrorBody),
    )
)]
#[get("/exports/user-events")]
#[tracing::instrument(name = "GET /exports/user-events", skip_all)]
pub async fn export_user_events(ctx: UserTx, query: Query) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_reader(&user)?;
    crate::api::page_request(query.page, query.per_page)?;
    let filter = UserEventFilter::try_from(&*query)?;
    let mut export = user_events::export(&filter, STREAM_FETCH);
    let rows = export.rows(&mut tx).await?;
    let sheet = Sheet::new("user-events", "User activity", HEADERS);
    let book = fill(sheet, rows, cells).await?;
    persistence::commit(tx).await?;
    book.download().await
}
