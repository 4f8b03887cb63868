//! EXP-1 for receivables: invoices, payments, aging (with `as_of`) and a customer's
//! statement as .xlsx, with the lists' own filters.

use actix_web::{get, web, HttpResponse};
use persistence::{
    ar::{invoices, payments, reports},
    Page,
};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use super::{
    aging::aging_body, report_day, require_reader, statement, AgingQuery, AgingRow, InvoiceQuery,
    PaymentQuery,
};
use crate::{
    api::{
        crm::sql_sort,
        sheet::{respond, text},
        sheet_stream::{fill, texts, Sheet, STREAM_FETCH},
    },
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

const INVOICE_HEADERS: &[&str] = &[
    "Invoice code",
    "Invoice number",
    "Customer",
    "Invoice date",
    "Due date",
    "Amount",
    "Paid",
    "Outstanding",
    "Days overdue",
    "Status",
    "Void reason",
];
const PAYMENT_HEADERS: &[&str] = &[
    "Payment code",
    "Customer",
    "Payment date",
    "Amount",
    "Allocated",
    "Unapplied",
    "Method",
    "Reference",
];
const AGING_HEADERS: &[&str] = &[
    "Customer code",
    "Customer",
    "Current",
    "1-30",
    "31-60",
    "61-90",
    ">90",
    "Total",
    "Paid after",
    "Unapplied",
    "Net",
];
const STATEMENT_HEADERS: &[&str] = &[
    "Date",
    "Kind",
    "Code",
    "Reference",
    "Due date",
    "Debit",
    "Credit",
    "Balance",
];

fn page<T>(rows: Vec<T>) -> Page<T> {
    Page {
        total: rows.len() as i64,
        rows,
        capped: false,
    }
}

/// Exports the invoices matching the filters of `GET /invoices`.
#[utoipa::path(tag = "ar", security(("bearer" = [])), params(InvoiceQuery),
    responses((status = 200, description = "The workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
              (status = 403, description = "This role has no AR", body = ErrorBody),
              (status = 422, description = "Invalid filters, or more rows than one export holds", body = ErrorBody)))]
#[get("/exports/invoices")]
#[tracing::instrument(name = "GET /exports/invoices", skip_all)]
pub async fn export_invoices(
    ctx: UserTx,
    query: web::Query<InvoiceQuery>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_reader(&user)?;
    // Paging is not used, but its values are checked as on the list.
    crate::api::page_request(query.page, query.per_page)?;
    let sort = sql_sort(query.sort.as_deref(), invoices::SORT)?;
    let filter = query.filter()?;
    let mut export = invoices::export(&filter, &sort, STREAM_FETCH, domain::jakarta_today());
    let rows = export.rows(&mut tx).await?;
    let sheet = Sheet::new("invoices", "Invoices", INVOICE_HEADERS);
    let book = fill(sheet, rows, |i| texts(invoice_cells(&i))).await?;
    persistence::commit(tx).await?;
    book.download().await
}

fn invoice_cells(i: &invoices::InvoiceRow) -> Vec<String> {
    vec![
        i.invoice_code.clone(),
        text(i.invoice_number.as_deref()),
        i.customer_name.clone(),
        i.invoice_date.to_string(),
        i.due_date.to_string(),
        i.amount.clone(),
        i.paid.clone(),
        i.outstanding.clone(),
        i.days_overdue.to_string(),
        i.status.0.to_string(),
        text(i.void_reason.as_deref()),
    ]
}

/// Exports the payments matching the filters of `GET /payments`.
#[utoipa::path(tag = "ar", security(("bearer" = [])), params(PaymentQuery),
    responses((status = 200, description = "The workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
              (status = 403, description = "This role has no AR", body = ErrorBody),
              (status = 422, description = "More rows than one export holds", body = ErrorBody)))]
#[get("/exports/payments")]
#[tracing::instrument(name = "GET /exports/payments", skip_all)]
pub async fn export_payments(
    ctx: UserTx,
    query: web::Query<PaymentQuery>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_reader(&user)?;
    // Paging is not used, but its values are checked as on the list.
    crate::api::page_request(query.page, query.per_page)?;
    let sort = sql_sort(query.sort.as_deref(), payments::SORT)?;
    let filter = query.filter();
    let mut export = payments::export(&filter, &sort, STREAM_FETCH);
    let rows = export.rows(&mut tx).await?;
    let sheet = Sheet::new("payments", "Payments", PAYMENT_HEADERS);
    let book = fill(sheet, rows, |p| texts(payment_cells(&p))).await?;
    persistence::commit(tx).await?;
    book.download().await
}

fn payment_cells(p: &payments::PaymentRow) -> Vec<String> {
    vec![
        p.payment_code.clone(),
        p.customer_name.clone(),
        p.payment_date.to_string(),
        p.amount.clone(),
        p.allocated.clone(),
        p.unapplied.clone(),
        p.method.0.to_string(),
        text(p.reference.as_deref()),
    ]
}

fn aging_cells(r: &AgingRow) -> Vec<String> {
    vec![
        text(r.customer_code.as_deref()),
        r.customer_name.clone(),
        r.current.clone(),
        r.d1_30.clone(),
        r.d31_60.clone(),
        r.d61_90.clone(),
        r.d90_plus.clone(),
        r.total.clone(),
        r.paid_after.clone(),
        r.unapplied.clone(),
        r.net.clone(),
    ]
}

/// Exports the aging of `as_of` with its totals row.
#[utoipa::path(tag = "ar", security(("bearer" = [])), params(AgingQuery),
    responses((status = 200, description = "The workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
              (status = 403, description = "This role has no AR", body = ErrorBody)))]
#[get("/exports/ar-aging")]
#[tracing::instrument(name = "GET /exports/ar-aging", skip_all)]
pub async fn export_aging(ctx: UserTx, query: web::Query<AgingQuery>) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_reader(&user)?;
    let as_of = report_day(query.as_of);
    let mut body = aging_body(reports::aging(&mut tx, as_of, query.customer_id, false).await?);
    persistence::commit(tx).await?;
    body.data.push(body.totals);
    respond(
        "ar-aging",
        "AR aging",
        AGING_HEADERS,
        page(body.data),
        aging_cells,
    )
    .await
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatementExportQuery {
    pub customer_id: Uuid,
    /// First day (default: 90 days before `to`).
    pub from: Option<chrono::NaiveDate>,
    /// Last day (default today, Asia/Jakarta).
    pub to: Option<chrono::NaiveDate>,
}

/// Exports a customer's statement of account.
#[utoipa::path(tag = "ar", security(("bearer" = [])), params(StatementExportQuery),
    responses((status = 200, description = "The workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
              (status = 403, description = "This role has no AR", body = ErrorBody),
              (status = 404, description = "No such customer in your AR scope", body = ErrorBody)))]
#[get("/exports/customer-statement")]
#[tracing::instrument(name = "GET /exports/customer-statement", skip_all)]
pub async fn export_statement(
    ctx: UserTx,
    query: web::Query<StatementExportQuery>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_reader(&user)?;
    let period = statement::StatementQuery {
        from: query.from,
        to: query.to,
    };
    let s = statement::build(&mut tx, query.customer_id, &period).await?;
    persistence::commit(tx).await?;
    respond(
        "customer-statement",
        "Statement",
        STATEMENT_HEADERS,
        page(statement_lines(s)),
        statement_cells,
    )
    .await
}

/// The opening balance as the first line, then the statement's lines.
fn statement_lines(s: statement::Statement) -> Vec<statement::StatementLine> {
    let opening = statement::StatementLine {
        date: s.from,
        kind: domain::ar::StatementLineKind::Invoice,
        id: s.customer_id,
        code: "Saldo awal".to_owned(),
        reference: None,
        due_date: None,
        debit: String::new(),
        credit: String::new(),
        balance: s.opening_balance,
    };
    std::iter::once(opening).chain(s.lines).collect()
}

fn statement_cells(l: &statement::StatementLine) -> Vec<String> {
    let kind = if l.debit.is_empty() && l.credit.is_empty() {
        String::new()
    } else {
        l.kind.to_string()
    };
    vec![
        l.date.to_string(),
        kind,
        l.code.clone(),
        text(l.reference.as_deref()),
        l.due_date.map(|d| d.to_string()).unwrap_or_default(),
        l.debit.clone(),
        l.credit.clone(),
        l.balance.clone(),
    ]
}
