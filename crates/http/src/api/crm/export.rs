//! EXP-1 for CRM: leads, customers, prospects and activities as .xlsx with the lists'
//! own filters and sort (paging ignored, soft-deleted rows left out unless asked for).

use actix_web::{get, web, HttpResponse};
use persistence::{
    crm::{activities, customers, leads, prospects},
    Page, UserPrincipal,
};
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::{
    activities::ActivityQuery, customers::CustomerQuery, leads::LeadQuery,
    prospects::ProspectQuery, require_crm, sql_sort,
};
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::UserTx,
};

/// The most rows one export holds; narrower filters export more in parts.
pub const EXPORT_LIMIT: i64 = 100_000;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

fn text(value: Option<&str>) -> String {
    value.unwrap_or_default().to_owned()
}

/// The workbook of one sheet: a bold header row, then the rows.
fn workbook(
    sheet_name: &str,
    headers: &[&str],
    rows: &[Vec<String>],
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name)?;
    let bold = Format::new().set_bold();
    for (col, header) in (0u16..).zip(headers) {
        sheet.write_string_with_format(0, col, *header, &bold)?;
    }
    for (row_no, row) in (1u32..).zip(rows) {
        for (col, value) in (0u16..).zip(row) {
            sheet.write_string(row_no, col, value)?;
        }
    }
    sheet.autofit();
    book.save_to_buffer()
}

/// Turns an export's rows into the download, or 422 when too many rows match.
async fn respond<T: Send + 'static>(
    resource: &'static str,
    sheet_name: &'static str,
    headers: &'static [&'static str],
    page: Page<T>,
    cells: fn(&T) -> Vec<String>,
) -> ApiResult<HttpResponse> {
    if page.total > EXPORT_LIMIT {
        return Err(ApiError::validation(
            "filters",
            format!(
                "{} rows match; one export holds at most {EXPORT_LIMIT}: narrow the filters",
                page.total
            ),
        ));
    }
    let bytes = web::block(move || {
        let rows: Vec<Vec<String>> = page.rows.iter().map(cells).collect();
        workbook(sheet_name, headers, &rows)
    })
    .await
    .map_err(|err| ApiError::Internal(err.to_string()))?
    .map_err(|err| ApiError::Internal(err.to_string()))?;
    let name = format!("{resource}-{}.xlsx", domain::jakarta_today());
    Ok(HttpResponse::Ok()
        .content_type(XLSX)
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{name}\""),
        ))
        .body(bytes))
}

fn begin(user: &UserPrincipal) -> ApiResult<()> {
    require_crm(user)
}

const LEAD_HEADERS: &[&str] = &[
    "Lead code",
    "Created (UTC)",
    "Status",
    "Channel",
    "Company",
    "Contact",
    "E-mail",
    "Phone",
    "NPWP",
    "Customer code",
    "Customer",
    "Stage",
    "Sales owner",
    "Marketing owner",
    "Need RFQ",
    "RFQ ticket",
    "UTM campaign",
];

/// Exports the leads matching the filters of `GET /leads`.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(LeadQuery),
    responses(
        (status = 200, description = "The workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "No CRM access", body = ErrorBody),
        (status = 422, description = "Invalid filters, or more rows than one export holds", body = ErrorBody),
    )
)]
#[get("/exports/leads")]
#[tracing::instrument(name = "GET /exports/leads", skip_all)]
pub async fn export_leads(ctx: UserTx, query: web::Query<LeadQuery>) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    begin(&user)?;
    let sort = sql_sort(query.sort.as_deref(), leads::SORT)?;
    let filter = query.filter(&user)?;
    let page = leads::export(&mut tx, &filter, &sort, EXPORT_LIMIT).await?;
    persistence::commit(tx).await?;
    respond("leads", "Leads", LEAD_HEADERS, page, |l| {
        vec![
            l.lead_code.clone(),
            l.created_at.format("%Y-%m-%d %H:%M").to_string(),
            l.status.clone(),
            l.channel.clone(),
            text(l.company_name.as_deref()),
            l.contact_name.clone(),
            text(l.email.as_deref()),
            text(l.phone.as_deref()),
            text(l.npwp.as_deref()),
            text(l.customer_code.as_deref()),
            text(l.customer_name.as_deref()),
            text(l.stage.as_deref()),
            text(l.sales_owner_name.as_deref()),
            text(l.marketing_owner_name.as_deref()),
            if l.need_rfq { "yes" } else { "no" }.to_owned(),
            text(l.ticket_code.as_deref()),
            text(l.utm_campaign.as_deref()),
        ]
    })
    .await
}

const CUSTOMER_HEADERS: &[&str] = &[
    "Customer code",
    "Company",
    "NPWP",
    "E-mail",
    "Phone",
    "Contact",
    "City",
    "Owner",
    "Leads",
    "Open prospects",
    "Created (UTC)",
];

/// Exports the customers matching the filters of `GET /customers`.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(CustomerQuery),
    responses(
        (status = 200, description = "The workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "No CRM access", body = ErrorBody),
        (status = 422, description = "Invalid filters, or more rows than one export holds", body = ErrorBody),
    )
)]
#[get("/exports/customers")]
#[tracing::instrument(name = "GET /exports/customers", skip_all)]
pub async fn export_customers(
    ctx: UserTx,
    query: web::Query<CustomerQuery>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    begin(&user)?;
    let sort = sql_sort(query.sort.as_deref(), customers::SORT)?;
    let filter = query.filter(&user)?;
    let page = customers::export(&mut tx, &filter, &sort, EXPORT_LIMIT).await?;
    persistence::commit(tx).await?;
    respond("customers", "Customers", CUSTOMER_HEADERS, page, |c| {
        vec![
            c.customer_code.clone(),
            c.company_name.clone(),
            text(c.npwp.as_deref()),
            text(c.email.as_deref()),
            text(c.phone.as_deref()),
            text(c.contact_name.as_deref()),
            text(c.city.as_deref()),
            text(c.owner_name.as_deref()),
            c.lead_count.to_string(),
            c.open_prospects.to_string(),
            c.created_at.format("%Y-%m-%d %H:%M").to_string(),
        ]
    })
    .await
}

const PROSPECT_HEADERS: &[&str] = &[
    "Prospect code",
    "Customer",
    "Owner",
    "Stage",
    "Probability %",
    "Expected value",
    "Weighted value",
    "Expected close",
    "Lost reason",
    "Stage changed (UTC)",
];

/// Exports the prospects matching the filters of `GET /prospects`.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(ProspectQuery),
    responses(
        (status = 200, description = "The workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "No CRM access", body = ErrorBody),
        (status = 422, description = "Invalid filters, or more rows than one export holds", body = ErrorBody),
    )
)]
#[get("/exports/prospects")]
#[tracing::instrument(name = "GET /exports/prospects", skip_all)]
pub async fn export_prospects(
    ctx: UserTx,
    query: web::Query<ProspectQuery>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    begin(&user)?;
    let sort = sql_sort(query.sort.as_deref(), prospects::SORT)?;
    let filter = query.filter(&user)?;
    let page = prospects::export(&mut tx, &filter, &sort, EXPORT_LIMIT).await?;
    persistence::commit(tx).await?;
    respond("prospects", "Prospects", PROSPECT_HEADERS, page, |p| {
        vec![
            p.prospect_code.clone(),
            text(p.customer_name.as_deref()),
            text(p.owner_name.as_deref()),
            p.stage.clone(),
            p.probability.clone(),
            p.expected_value.clone(),
            p.weighted_value.clone(),
            p.expected_close_date
                .map(|d| d.to_string())
                .unwrap_or_default(),
            text(p.lost_reason.as_deref()),
            p.stage_changed_at.format("%Y-%m-%d %H:%M").to_string(),
        ]
    })
    .await
}

const ACTIVITY_HEADERS: &[&str] = &[
    "When (UTC)",
    "Type",
    "Subject",
    "Notes",
    "Customer",
    "Owner",
    "Latitude",
    "Longitude",
    "Distance (m)",
    "Next action",
];

/// Exports the activities matching the filters of `GET /activities`.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(ActivityQuery),
    responses(
        (status = 200, description = "The workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "No CRM access", body = ErrorBody),
        (status = 422, description = "Invalid filters, or more rows than one export holds", body = ErrorBody),
    )
)]
#[get("/exports/activities")]
#[tracing::instrument(name = "GET /exports/activities", skip_all)]
pub async fn export_activities(
    ctx: UserTx,
    query: web::Query<ActivityQuery>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    begin(&user)?;
    let sort = sql_sort(query.sort.as_deref(), activities::SORT)?;
    let filter = query.filter(&user)?;
    let page = activities::export(&mut tx, &filter, &sort, EXPORT_LIMIT).await?;
    persistence::commit(tx).await?;
    respond("activities", "Activities", ACTIVITY_HEADERS, page, |a| {
        let number = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
        vec![
            a.scheduled_at
                .unwrap_or(a.occurred_at)
                .format("%Y-%m-%d %H:%M")
                .to_string(),
            a.activity_type.clone(),
            a.subject.clone(),
            a.notes.clone(),
            text(a.customer_name.as_deref()),
            text(a.owner_name.as_deref()),
            number(a.latitude),
            number(a.longitude),
            number(a.distance_m),
            text(a.next_action.as_deref()),
        ]
    })
    .await
}

/// Registers the operations of this sub-module.
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(export_leads)
        .service(export_customers)
        .service(export_prospects)
        .service(export_activities);
}
