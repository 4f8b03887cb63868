//! Bodies of the Import Center.

use chrono::{DateTime, Utc};
use domain::imports::{
    fields::FieldKind, ImportModule, ImportStatus, RowAction, RowError, RowStatus,
};
use persistence::imports::{ImportRecord, ImportRowRecord};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// An import: its file, header mapping, progress and outcome (IMP-2).
#[derive(Debug, Serialize, ToSchema)]
pub struct Import {
    pub id: Uuid,
    pub import_code: String,
    pub module: ImportModule,
    pub original_name: String,
    pub sheet_name: Option<String>,
    /// The spreadsheet row of the header (title rows above it skipped).
    pub header_row: i32,
    /// The header cells as written.
    pub headers: Vec<String>,
    /// Per column, the field it maps to (`null`: ignored).
    pub mapping: Vec<Option<String>>,
    pub status: ImportStatus,
    pub total_rows: i32,
    pub processed_rows: i32,
    pub success_count: i32,
    pub error_count: i32,
    pub duplicate_count: i32,
    /// Of the successes: records created, and records changed.
    pub created_count: i32,
    pub updated_count: i32,
    /// Why the last run failed.
    pub failure: Option<String>,
    pub created_by: Uuid,
    pub created_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
    pub started_at: Option<DateTime<Utc>>,
    pub processed_at: Option<DateTime<Utc>>,
    pub reverted_at: Option<DateTime<Utc>>,
}

impl From<ImportRecord> for Import {
    fn from(r: ImportRecord) -> Self {
        Self {
            id: r.id,
            import_code: r.import_code,
            module: r.module.0,
            original_name: r.original_name,
            sheet_name: r.sheet_name,
            header_row: r.header_row,
            headers: serde_json::from_value(r.headers).unwrap_or_default(),
            mapping: serde_json::from_value(r.mapping).unwrap_or_default(),
            status: r.status.0,
            total_rows: r.total_rows,
            processed_rows: r.processed_rows,
            success_count: r.success_count,
            error_count: r.error_count,
            duplicate_count: r.duplicate_count,
            created_count: r.created_count,
            updated_count: r.updated_count,
            failure: r.failure,
            created_by: r.created_by,
            created_by_name: r.created_by_name,
            created_at: r.created_at,
            started_at: r.started_at,
            processed_at: r.processed_at,
            reverted_at: r.reverted_at,
        }
    }
}

/// One cell as written: text or a number (`null` when empty).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum CellValue {
    Text(String),
    Number(f64),
}

/// A staged row and its outcome.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportRow {
    /// The row number the spreadsheet shows.
    pub row_number: i32,
    /// The cells as written, one per column (text, number or null).
    #[schema(value_type = Vec<Option<CellValue>>)]
    pub cells: serde_json::Value,
    pub status: RowStatus,
    pub errors: Vec<RowError>,
    /// The record the row created, changed or matched.
    pub target_id: Option<Uuid>,
    pub action: Option<RowAction>,
    /// For a duplicate: the row it repeats.
    pub duplicate_of: Option<i32>,
}

impl From<ImportRowRecord> for ImportRow {
    fn from(r: ImportRowRecord) -> Self {
        let errors = serde_json::from_value(r.errors).unwrap_or_default();
        Self {
            row_number: r.row_number,
            cells: r.row_data,
            status: r.status.0,
            errors,
            target_id: r.target_id,
            action: r.action.map(|a| a.0),
            duplicate_of: r.duplicate_of,
        }
    }
}

/// One column a module reads.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportField {
    pub key: String,
    pub kind: FieldKind,
    pub required: bool,
    pub label_id: String,
    pub label_en: String,
    pub help_id: String,
    pub help_en: String,
    pub choices: Vec<String>,
}

/// A module the caller may import into, with its columns.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportModuleInfo {
    pub module: ImportModule,
    pub fields: Vec<ImportField>,
}

impl ImportModuleInfo {
    pub fn of(module: ImportModule) -> Self {
        Self {
            module,
            fields: module
                .fields()
                .iter()
                .map(|f| ImportField {
                    key: f.key.to_owned(),
                    kind: f.kind,
                    required: f.required,
                    label_id: f.label_id.to_owned(),
                    label_en: f.label_en.to_owned(),
                    help_id: f.help_id.to_owned(),
                    help_en: f.help_en.to_owned(),
                    choices: f.choices.iter().map(|c| (*c).to_owned()).collect(),
                })
                .collect(),
        }
    }
}

/// A changed column mapping: per column of the header, a field key or `null`.
#[derive(Debug, Deserialize, ToSchema)]
pub struct MappingRequest {
    pub mapping: Vec<Option<String>>,
}

/// A revert's outcome.
#[derive(Debug, Serialize, ToSchema)]
pub struct RevertResult {
    /// Records the import had created and the revert removed.
    pub removed: i64,
    pub import: Import,
}
