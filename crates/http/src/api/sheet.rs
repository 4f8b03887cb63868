//! EXP-1: one-sheet .xlsx downloads shared by every module's exports. Lists stream their
//! rows from the database (`sheet_stream::fill`, up to a worksheet's rows); reports built
//! in memory (AR aging, a statement, the KPI scorecard) hand theirs over at once
//! (`respond`, at most [`EXPORT_LIMIT`]). Both write through the same constant-memory
//! writer, and the workbook is sent from disk.

use actix_web::HttpResponse;
use persistence::{DbError, Page};

use super::sheet_stream::{fill, texts, Sheet};
use crate::error::{ApiError, ApiResult};

/// The most rows a report handed over at once may have.
pub const EXPORT_LIMIT: i64 = 100_000;

pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

pub fn text(value: Option<&str>) -> String {
    value.unwrap_or_default().to_owned()
}

/// Turns an export's rows into the download, or 422 when too many rows match.
pub async fn respond<T>(
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
    let sheet = Sheet::new(resource, sheet_name, headers);
    let rows = futures_util::stream::iter(page.rows.into_iter().map(Ok::<_, DbError>));
    fill(sheet, rows, |row| texts(cells(&row)))
        .await?
        .download()
        .await
}
