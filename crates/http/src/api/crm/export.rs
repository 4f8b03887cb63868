//! EXP-1 for CRM: the lead list as .xlsx with the list's own filters and sort.

use actix_web::{get, web, HttpResponse};
use persistence::crm::leads::{self, LeadRow};
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::{leads::LeadQuery, require_crm, sql_sort};
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::UserTx,
};

/// The most rows one export holds; narrower filters export more in parts.
pub const EXPORT_LIMIT: i64 = 100_000;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Exports the leads matching the same filters as `GET /leads` (paging ignored) as an
/// .xlsx workbook. Soft-deleted leads are left out unless `deleted=true`.
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
    require_crm(&user)?;
    let sort = sql_sort(query.sort.as_deref(), leads::SORT)?;
    let filter = query.filter(&user)?;
    let page = leads::export(&mut tx, &filter, &sort, EXPORT_LIMIT).await?;
    persistence::commit(tx).await?;
    if page.total > EXPORT_LIMIT {
        return Err(ApiError::validation(
            "filters",
            format!(
                "{} leads match; one export holds at most {EXPORT_LIMIT}: narrow the filters",
                page.total
            ),
        ));
    }
    let rows = page.rows;
    let bytes = web::block(move || workbook(&rows))
        .await
        .map_err(|err| ApiError::Internal(err.to_string()))?
        .map_err(|err| ApiError::Internal(err.to_string()))?;
    let name = format!("leads-{}.xlsx", domain::jakarta_today());
    Ok(HttpResponse::Ok()
        .content_type(XLSX)
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{name}\""),
        ))
        .body(bytes))
}

const HEADERS: [&str; 17] = [
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

fn workbook(rows: &[LeadRow]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Leads")?;
    let bold = Format::new().set_bold();
    for (col, header) in (0u16..).zip(HEADERS) {
        sheet.write_string_with_format(0, col, header, &bold)?;
    }
    for (row_no, lead) in (1u32..).zip(rows) {
        let cells: [String; 17] = [
            lead.lead_code.clone(),
            lead.created_at.format("%Y-%m-%d %H:%M").to_string(),
            lead.status.clone(),
            lead.channel.clone(),
            lead.company_name.clone().unwrap_or_default(),
            lead.contact_name.clone(),
            lead.email.clone().unwrap_or_default(),
            lead.phone.clone().unwrap_or_default(),
            lead.npwp.clone().unwrap_or_default(),
            lead.customer_code.clone().unwrap_or_default(),
            lead.customer_name.clone().unwrap_or_default(),
            lead.stage.clone().unwrap_or_default(),
            lead.sales_owner_name.clone().unwrap_or_default(),
            lead.marketing_owner_name.clone().unwrap_or_default(),
            if lead.need_rfq { "yes" } else { "no" }.to_owned(),
            lead.ticket_code.clone().unwrap_or_default(),
            lead.utm_campaign.clone().unwrap_or_default(),
        ];
        for (col, value) in (0u16..).zip(cells.iter()) {
            sheet.write_string(row_no, col, value)?;
        }
    }
    sheet.autofit();
    book.save_to_buffer()
}
