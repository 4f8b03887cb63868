//! EXP-1: one-sheet .xlsx downloads shared by every module's exports.

use actix_web::{web, HttpResponse};
use persistence::Page;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::error::{ApiError, ApiResult};

/// The most rows one export holds; narrower filters export more in parts.
pub const EXPORT_LIMIT: i64 = 100_000;

pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

pub fn text(value: Option<&str>) -> String {
    value.unwrap_or_default().to_owned()
}

/// The workbook of one sheet: a bold header row, then the rows.
pub fn workbook(
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
pub async fn respond<T: Send + 'static>(
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
