//! GET /exports/broadcast-logs (EXP-1): the broadcast logs as .xlsx with the list's own
//! filters and sort (paging ignored), every matching row streamed; for the roles that
//! read the broadcast monitor.

use actix_web::{get, web, HttpResponse};
use persistence::{broadcasts, tickets::BroadcastRow};

use super::{
    list::{filter, BroadcastQuery},
    require_reader,
};
use crate::{
    api::{
        crm::sql_sort,
        sheet_stream::{fill, Cell, Sheet, STREAM_FETCH},
    },
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

const HEADERS: &[&str] = &["Sent (WIB)", "AWB", "Phone", "Status", "Error", "Message"];

fn cells(b: BroadcastRow) -> Vec<Cell> {
    vec![
        b.broadcast_at.into(),
        b.tracking_number.into(),
        b.consignee_phone.into(),
        b.status.0.as_str().into(),
        b.error_message.into(),
        b.message_content.into(),
    ]
}

/// Exports the broadcast logs matching the filters of `GET /broadcast-logs`, every page.
#[utoipa::path(
    tag = "broadcast",
    security(("bearer" = [])),
    params(BroadcastQuery),
    responses(
        (status = 200, description = "The workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not a CS, admin or director role", body = ErrorBody),
        (status = 422, description = "Invalid filter or sort, or more rows than one worksheet holds", body = ErrorBody),
    )
)]
#[get("/exports/broadcast-logs")]
#[tracing::instrument(name = "GET /exports/broadcast-logs", skip_all)]
pub async fn export_broadcast_logs(
    ctx: UserTx,
    query: web::Query<BroadcastQuery>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_reader(user.role)?;
    // Paging is not used, but its values are checked as on the list.
    crate::api::page_request(query.page, query.per_page)?;
    let sort = sql_sort(query.sort.as_deref(), broadcasts::SORT)?;
    let filter = filter(query)?;
    let mut export = broadcasts::export(&filter, &sort, STREAM_FETCH);
    let rows = export.rows(&mut tx).await?;
    let sheet = Sheet::new("broadcast-logs", "Broadcast logs", HEADERS);
    let book = fill(sheet, rows, cells).await?;
    persistence::commit(tx).await?;
    book.download().await
}
