//! GET /exports/import-rows (EXP-1, IMP-2): an import's rows of one status (the error
//! rows by default) as the spreadsheet had them, with their row number and an errors
//! column, so users fix them and upload the file again. Streamed like every export.

use actix_web::{get, web, HttpResponse};
use domain::imports::{RowError, RowStatus};
use persistence::imports::{self, ImportRowRecord};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use crate::{
    api::sheet_stream::{fill, Cell, Sheet, STREAM_FETCH},
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportRowsExportQuery {
    pub import_id: Uuid,
    /// Default `error`.
    pub status: Option<RowStatus>,
}

/// `Baris`, the original columns, `Kesalahan / Errors`.
fn cells(row: ImportRowRecord, width: usize) -> Vec<Cell> {
    let mut out = vec![Cell::Text(row.row_number.to_string())];
    let written = row.row_data.as_array().cloned().unwrap_or_default();
    out.extend((0..width).map(|c| match written.get(c) {
        Some(serde_json::Value::String(s)) => Cell::Text(s.clone()),
        Some(serde_json::Value::Number(n)) => Cell::Text(n.to_string()),
        _ => Cell::Empty,
    }));
    let errors: Vec<RowError> = serde_json::from_value(row.errors).unwrap_or_default();
    let text: Vec<String> = errors
        .iter()
        .map(|e| format!("{}: {} / {}", e.field, e.message_id, e.message_en))
        .collect();
    out.push(Cell::Text(text.join("; ")));
    out
}

/// The rows of an import as .xlsx: `Baris` (the row number), the original columns, and
/// `Kesalahan / Errors` (every problem of the row, Indonesian / English).
#[utoipa::path(
    tag = "imports",
    security(("bearer" = [])),
    params(ImportRowsExportQuery),
    responses(
        (status = 200, description = "The rows", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        (status = 404, description = "No such import you may see", body = ErrorBody),
    )
)]
#[get("/exports/import-rows")]
#[tracing::instrument(name = "GET /exports/import-rows", skip_all)]
pub async fn export_import_rows(
    ctx: UserTx,
    query: web::Query<ImportRowsExportQuery>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, .. } = ctx;
    let import = imports::get(&mut tx, query.import_id).await?;
    let headers: Vec<String> = serde_json::from_value(import.headers).unwrap_or_default();
    let width = headers.len();
    let sheet = Sheet {
        file: "import-rows",
        name: "Baris",
        headers: [
            vec!["Baris".to_owned()],
            headers,
            vec!["Kesalahan / Errors".to_owned()],
        ]
        .concat(),
    };
    let mut export = imports::export_rows(
        import.id,
        query.status.unwrap_or(RowStatus::Error),
        STREAM_FETCH,
    );
    let rows = export.rows(&mut tx).await?;
    let book = fill(sheet, rows, move |row| cells(row, width)).await?;
    persistence::commit(tx).await?;
    book.download().await
}
