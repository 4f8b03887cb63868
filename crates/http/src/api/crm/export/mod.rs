//! EXP-1 for CRM: leads, customers, prospects and activities as .xlsx with the lists'
//! own filters and sort (paging ignored, soft-deleted rows left out unless asked for).

pub mod activities_sheet;
pub mod customers_sheet;
pub mod leads_sheet;
pub mod prospects_sheet;

pub use activities_sheet::*;
pub use customers_sheet::*;
pub use leads_sheet::*;
pub use prospects_sheet::*;

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
/// Registers the operations of this sub-module.
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(leads_sheet::export_leads)
        .service(export_customers)
        .service(export_prospects)
        .service(export_activities);
}
