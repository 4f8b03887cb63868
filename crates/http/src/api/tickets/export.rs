//! GET /exports/tickets (EXP-1): the queue as .xlsx with the queue's own filters and sort
//! (paging ignored), every matching row streamed. Who sees which tickets is the queue's
//! row-level security; Operations get no customer columns (TCK-5).

use actix_web::{get, web, HttpResponse};
use persistence::tickets::{self, TicketExportRow};

use super::list::{filter, TicketQuery};
use crate::{
    api::{
        crm::sql_sort,
        sheet_stream::{fill, Cell, Sheet, STREAM_FETCH},
    },
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

const BEFORE_CUSTOMER: &[&str] = &[
    "Ticket code",
    "Opened (WIB)",
    "Type",
    "Priority",
    "Status",
    "Department",
    "Subject",
    "AWB",
];
const CUSTOMER: &[&str] = &["Company", "Contact", "Phone", "E-mail"];
const AFTER_CUSTOMER: &[&str] = &[
    "Assigned to",
    "Source",
    "First response SLA",
    "Resolution SLA",
    "First response (WIB)",
    "Closed (WIB)",
    "Outcome",
    "Close reason",
    "Created by",
    "Updated (WIB)",
    "Description",
];

/// The sheet; the customer's columns only for callers who may read them.
fn sheet(identity: bool) -> Sheet {
    let customer: &[&str] = if identity { CUSTOMER } else { &[] };
    Sheet::new(
        "tickets",
        "Tickets",
        &[BEFORE_CUSTOMER, customer, AFTER_CUSTOMER].concat(),
    )
}

fn cells(t: TicketExportRow, identity: bool) -> Vec<Cell> {
    let mut row: Vec<Cell> = vec![
        t.ticket_code.into(),
        t.created_at.into(),
        t.ticket_type.0.as_str().into(),
        t.priority.0.as_str().into(),
        t.status.0.as_str().into(),
        t.dept_target.0.code().into(),
        t.subject.into(),
        t.tracking_number.into(),
    ];
    if identity {
        row.extend([
            t.company_name.into(),
            t.contact_name.into(),
            t.customer_phone.into(),
            t.customer_email.into(),
        ]);
    }
    row.extend([
        t.assigned_to_name.into(),
        t.source.0.as_str().into(),
        t.first_response_state.map(|s| s.0.as_str()).into(),
        t.resolution_state.map(|s| s.0.as_str()).into(),
        t.first_response_at.into(),
        t.closed_at.into(),
        t.inquiry_outcome.map(|o| o.0.as_str()).into(),
        t.close_reason.into(),
        t.created_by_name.into(),
        t.updated_at.into(),
        t.description.into(),
    ]);
    row
}

/// Exports the tickets matching the filters of `GET /tickets`: every page, the tickets
/// you may see, without customer columns for Operations.
#[utoipa::path(
    tag = "tickets",
    security(("bearer" = [])),
    params(TicketQuery),
    responses(
        (status = 200, description = "The workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 422, description = "Invalid filter or sort, or more rows than one worksheet holds", body = ErrorBody),
    )
)]
#[get("/exports/tickets")]
#[tracing::instrument(name = "GET /exports/tickets", skip_all)]
pub async fn export_tickets(
    ctx: UserTx,
    query: web::Query<TicketQuery>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    let query = query.into_inner();
    // Paging is not used, but its values are checked as on the list.
    crate::api::page_request(query.page, query.per_page)?;
    let sort = sql_sort(query.sort.as_deref(), tickets::TICKET_SORT)?;
    let filter = filter(query, &user)?;
    let identity = filter.identity;
    let mut export = tickets::export(&filter, &sort, STREAM_FETCH);
    let rows = export.rows(&mut tx).await?;
    let book = fill(sheet(identity), rows, |t| cells(t, identity)).await?;
    persistence::commit(tx).await?;
    book.download().await
}
