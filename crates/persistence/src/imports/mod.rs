//! Import Center (IMP-1..5): staging an uploaded spreadsheet, the imports' history and
//! rows, remembered column mappings, processing (`run`), writing each module's target
//! (`writers`) and reverting an import's inserts (`revert`).

mod gate;
mod revert;
mod run;
mod staging;
mod writers;

pub use revert::revert;
pub use run::{claim, run, Claim, BATCH_ROWS};
pub use staging::{remember_mapping, remembered_mapping, set_mapping, stage, NewImport, StagedRow};

use chrono::{DateTime, Utc};
use domain::{
    imports::{ImportModule, ImportStatus, RowAction, RowStatus},
    list::PageRequest,
};
use uuid::Uuid;

use crate::{list::Export, DbError, Page, Stored, Tx};

/// An import as its history and progress show it.
#[derive(Debug, Clone)]
pub struct ImportRecord {
    pub id: Uuid,
    pub import_code: String,
    pub module: Stored<ImportModule>,
    pub file_id: Uuid,
    pub sha256: String,
    pub original_name: String,
    pub sheet_name: Option<String>,
    pub header_row: i32,
    pub headers: serde_json::Value,
    pub mapping: serde_json::Value,
    pub number_styles: serde_json::Value,
    pub fingerprint: String,
    pub status: Stored<ImportStatus>,
    pub total_rows: i32,
    pub processed_rows: i32,
    pub success_count: i32,
    pub error_count: i32,
    pub duplicate_count: i32,
    pub created_count: i32,
    pub updated_count: i32,
    pub failure: Option<String>,
    pub created_by: Uuid,
    pub created_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
    pub started_at: Option<DateTime<Utc>>,
    pub processed_at: Option<DateTime<Utc>>,
    pub reverted_at: Option<DateTime<Utc>>,
}

macro_rules! select_imports {
    ($tail:literal, $($arg:expr),* $(,)?) => {
        sqlx::query_as!(
            ImportRecord,
            r#"select i.id, i.import_code, i.module as "module: Stored<ImportModule>", i.file_id, i.sha256,
                      i.original_name, i.sheet_name, i.header_row, i.headers, i.mapping, i.number_styles,
                      i.fingerprint, i.status as "status: Stored<ImportStatus>", i.total_rows,
                      i.processed_rows, i.success_count, i.error_count, i.duplicate_count,
                      i.created_count, i.updated_count, i.failure, i.created_by,
                      p.full_name as "created_by_name?", i.created_at, i.started_at, i.processed_at,
                      i.reverted_at
                 from imports i left join profiles p on p.id = i.created_by "# + $tail,
            $($arg),*
        )
    };
}

/// An import the caller may see, else [`DbError::NotFound`].
pub async fn get(tx: &mut Tx, id: Uuid) -> Result<ImportRecord, DbError> {
    Ok(select_imports!("where i.id = $1", id)
        .fetch_one(&mut **tx)
        .await?)
}

/// The import of this file for this module the caller already uploaded, if any.
pub async fn find_same_file(
    tx: &mut Tx,
    module: ImportModule,
    sha256: &str,
    created_by: Uuid,
) -> Result<Option<ImportRecord>, DbError> {
    Ok(select_imports!(
        "where i.module = $1 and i.sha256 = $2 and i.created_by = $3",
        module.as_str(),
        sha256,
        created_by
    )
    .fetch_optional(&mut **tx)
    .await?)
}

/// The history the caller may see, newest first, optionally of one module.
pub async fn list(
    tx: &mut Tx,
    module: Option<ImportModule>,
    page: PageRequest,
) -> Result<Page<ImportRecord>, DbError> {
    let module = module.map(|m| m.as_str());
    let rows = select_imports!(
        "where ($1::text is null or i.module = $1) order by i.created_at desc, i.id limit $2 offset $3",
        module,
        page.limit(),
        page.offset()
    )
    .fetch_all(&mut **tx)
    .await?;
    let total = sqlx::query_scalar!(
        r#"select count(*) as "n!" from imports where ($1::text is null or module = $1)"#,
        module
    )
    .fetch_one(&mut **tx)
    .await?;
    Ok(Page {
        rows,
        total,
        capped: false,
    })
}

/// One staged row and its outcome.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ImportRowRecord {
    pub row_number: i32,
    pub row_data: serde_json::Value,
    pub status: Stored<RowStatus>,
    pub errors: serde_json::Value,
    pub target_id: Option<Uuid>,
    pub action: Option<Stored<RowAction>>,
    pub duplicate_of: Option<i32>,
}

/// Rows of an import the caller may see, in spreadsheet order, optionally of one status.
pub async fn rows(
    tx: &mut Tx,
    import_id: Uuid,
    status: Option<RowStatus>,
    page: PageRequest,
) -> Result<Page<ImportRowRecord>, DbError> {
    let status = status.map(|s| s.as_str());
    let rows = sqlx::query_as!(
        ImportRowRecord,
        r#"select row_number, row_data, status as "status: Stored<RowStatus>", errors, target_id,
                  action as "action: Stored<RowAction>", duplicate_of
             from import_rows
            where import_id = $1 and ($2::text is null or status = $2)
            order by row_number limit $3 offset $4"#,
        import_id,
        status,
        page.limit(),
        page.offset()
    )
    .fetch_all(&mut **tx)
    .await?;
    let total = sqlx::query_scalar!(
        r#"select count(*) as "n!" from import_rows where import_id = $1 and ($2::text is null or status = $2)"#,
        import_id,
        status
    )
    .fetch_one(&mut **tx)
    .await?;
    Ok(Page {
        rows,
        total,
        capped: false,
    })
}

/// Every row of one status in spreadsheet order, streamed for the error download
/// (EXP-1), at most `limit`.
pub fn export_rows(
    import_id: Uuid,
    status: RowStatus,
    limit: i64,
) -> Export<'static, ImportRowRecord> {
    Export::new(
        "select row_number, row_data, status, errors, target_id, action, duplicate_of from import_rows where true",
        move |q| {
            q.push(" and import_id = ")
                .push_bind(import_id)
                .push(" and status = ")
                .push_bind(status.as_str());
        },
        &[],
        ("row_number", "row_number"),
        limit,
    )
}

/// A user's correction of one error (or pending) row of an import that is not running:
/// its cells replaced, back to `pending` for the next run. [`DbError::NotFound`] when the
/// import is not visible, the row does not exist, is settled, or the import runs.
pub async fn correct_row(
    tx: &mut Tx,
    import_id: Uuid,
    row_number: i32,
    row_data: &serde_json::Value,
    row_hash: &str,
) -> Result<ImportRowRecord, DbError> {
    Ok(sqlx::query_as!(
        ImportRowRecord,
        r#"update import_rows r
              set row_data = $3, row_hash = $4, status = 'pending', errors = '[]', target_id = null,
                  action = null, duplicate_of = null, processed_at = null
             from imports i
            where r.import_id = $1 and r.row_number = $2 and i.id = r.import_id
              and r.status in ('error', 'pending') and i.status in ('staged', 'done', 'failed')
           returning r.row_number, r.row_data, r.status as "status: Stored<RowStatus>", r.errors,
                     r.target_id, r.action as "action: Stored<RowAction>", r.duplicate_of"#,
        import_id,
        row_number,
        row_data,
        row_hash
    )
    .fetch_one(&mut **tx)
    .await?)
}
