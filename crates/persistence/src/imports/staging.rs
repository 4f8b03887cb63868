//! IMP-1: an upload's rows staged as written, and the column mappings remembered per
//! header fingerprint (IMP-5).

use domain::imports::ImportModule;
use uuid::Uuid;

use super::{get, ImportRecord};
use crate::{DbError, Tx};

/// How many staged rows one insert statement carries.
const STAGE_CHUNK: usize = 5_000;

/// An upload's import, before its rows.
#[derive(Debug, Clone)]
pub struct NewImport {
    pub module: ImportModule,
    pub file_id: Uuid,
    pub sha256: String,
    pub original_name: String,
    pub sheet_name: Option<String>,
    pub header_row: i32,
    pub headers: serde_json::Value,
    pub mapping: serde_json::Value,
    pub number_styles: serde_json::Value,
    pub fingerprint: String,
    pub created_by: Uuid,
    pub owner_dept: Option<String>,
}

/// One data row as the spreadsheet shows it.
#[derive(Debug, Clone)]
pub struct StagedRow {
    pub row_number: i32,
    pub row_data: serde_json::Value,
    pub row_hash: String,
}

/// Creates the import and stages its rows (status `pending`), in one transaction.
pub async fn stage(
    tx: &mut Tx,
    import: &NewImport,
    rows: &[StagedRow],
) -> Result<ImportRecord, DbError> {
    let total =
        i32::try_from(rows.len()).map_err(|_| DbError::InvalidValue("too many rows".into()))?;
    let id = sqlx::query_scalar!(
        "insert into imports (module, file_id, sha256, original_name, sheet_name, header_row, headers, \
                              mapping, number_styles, fingerprint, total_rows, created_by, owner_dept)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning id",
        import.module.as_str(),
        import.file_id,
        import.sha256,
        import.original_name,
        import.sheet_name,
        import.header_row,
        import.headers,
        import.mapping,
        import.number_styles,
        import.fingerprint,
        total,
        import.created_by,
        import.owner_dept,
    )
    .fetch_one(&mut **tx)
    .await?;
    for chunk in rows.chunks(STAGE_CHUNK) {
        let numbers: Vec<i32> = chunk.iter().map(|r| r.row_number).collect();
        let data: Vec<serde_json::Value> = chunk.iter().map(|r| r.row_data.clone()).collect();
        let hashes: Vec<String> = chunk.iter().map(|r| r.row_hash.clone()).collect();
        sqlx::query!(
            "insert into import_rows (import_id, row_number, row_data, row_hash)
             select $1, * from unnest($2::int[], $3::jsonb[], $4::text[])",
            id,
            &numbers,
            &data,
            &hashes,
        )
        .execute(&mut **tx)
        .await?;
    }
    get(tx, id).await
}

/// The mapping last confirmed for this module and header fingerprint, if any.
pub async fn remembered_mapping(
    tx: &mut Tx,
    module: ImportModule,
    fingerprint: &str,
) -> Result<Option<serde_json::Value>, DbError> {
    Ok(sqlx::query_scalar!(
        "select mapping from import_mappings where module = $1 and fingerprint = $2",
        module.as_str(),
        fingerprint
    )
    .fetch_optional(&mut **tx)
    .await?)
}

pub async fn remember_mapping(
    tx: &mut Tx,
    module: ImportModule,
    fingerprint: &str,
    mapping: &serde_json::Value,
    by: Uuid,
) -> Result<(), DbError> {
    sqlx::query!(
        "insert into import_mappings (module, fingerprint, mapping, updated_by) values ($1, $2, $3, $4)
         on conflict (module, fingerprint)
         do update set mapping = excluded.mapping, updated_by = excluded.updated_by, updated_at = now()",
        module.as_str(),
        fingerprint,
        mapping,
        by
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Changes the mapping of an import that is not running; rows already written stay.
/// [`DbError::NotFound`] when the import is not visible or is running.
pub async fn set_mapping(
    tx: &mut Tx,
    id: Uuid,
    mapping: &serde_json::Value,
) -> Result<ImportRecord, DbError> {
    let changed = sqlx::query_scalar!(
        "update imports set mapping = $2 where id = $1 and status in ('staged', 'done', 'failed')
         returning id",
        id,
        mapping
    )
    .fetch_optional(&mut **tx)
    .await?;
    if changed.is_none() {
        // visible but running → conflict for the caller; invisible → not found
        let current = get(tx, id).await?;
        return Err(DbError::InvalidValue(format!(
            "import is {}",
            current.status.0.as_str()
        )));
    }
    get(tx, id).await
}
