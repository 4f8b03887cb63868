//! IMP-1: an uploaded spreadsheet read (multipart `module` + `file`), checked, its
//! header found and its rows staged; the same file for the same module is the same
//! import. Reading is CPU work and runs off the async threads.

use actix_multipart::Multipart;
use actix_web::web;
use domain::{
    files::{clean_file_name, CheckedUpload},
    imports::{
        cells::{column_style, NumberStyle},
        mapping::{detect_header, fingerprint},
        sheet::{self, Cell, SheetError, SheetLimits},
        ImportModule,
    },
};
use futures_util::TryStreamExt;
use persistence::{
    imports::{self, ImportRecord, NewImport, StagedRow},
    Tx, UserPrincipal,
};
use sha2::{Digest, Sha256};

use crate::{
    error::{ApiError, ApiResult},
    state::AppState,
};

/// The multipart fields of an upload.
pub(crate) struct Upload {
    pub module: String,
    pub file_name: String,
    pub bytes: web::Bytes,
}

/// Reads `module` and `file`; a file over the size limit stops the read with 413.
pub(crate) async fn read_upload(mut form: Multipart, max_bytes: usize) -> ApiResult<Upload> {
    let (mut module, mut file) = (None, None);
    while let Some(mut field) = form.try_next().await.map_err(bad_form)? {
        let name = field.name().unwrap_or_default().to_owned();
        let file_name = field
            .content_disposition()
            .and_then(|d| d.get_filename())
            .map(str::to_owned);
        let mut buf = web::BytesMut::new();
        while let Some(chunk) = field.try_next().await.map_err(bad_form)? {
            if buf.len() + chunk.len() > max_bytes {
                return Err(ApiError::PayloadTooLarge);
            }
            buf.extend_from_slice(&chunk);
        }
        match name.as_str() {
            "module" => module = Some(String::from_utf8_lossy(&buf).trim().to_owned()),
            "file" => file = Some((file_name.unwrap_or_else(|| "upload".into()), buf.freeze())),
            _ => {}
        }
    }
    let mut errors = domain::FieldErrors::new();
    if module.as_deref().is_none_or(str::is_empty) {
        errors.add("module", "is required");
    }
    if file.as_ref().is_none_or(|(_, b)| b.is_empty()) {
        errors.add("file", "is required and must not be empty");
    }
    errors.into_result().map_err(ApiError::Validation)?;
    let (file_name, bytes) = file.unwrap_or_default();
    Ok(Upload {
        module: module.unwrap_or_default(),
        file_name,
        bytes,
    })
}

fn bad_form(err: actix_multipart::MultipartError) -> ApiError {
    ApiError::BadRequest(format!("malformed multipart body: {err}"))
}

fn refused(message_en: &str, message_id: &str) -> ApiError {
    ApiError::validation("file", format!("{message_en} — {message_id}"))
}

/// A read spreadsheet ready to stage.
struct Parsed {
    sheet_name: Option<String>,
    header_row: i32,
    headers: Vec<String>,
    mapping: Vec<Option<&'static str>>,
    styles: Vec<Option<NumberStyle>>,
    rows: Vec<StagedRow>,
}

fn parse(module: ImportModule, name: &str, bytes: &[u8], limits: SheetLimits) -> ApiResult<Parsed> {
    let sheet = sheet::read(name, bytes, &limits).map_err(|e| match e {
        SheetError::TooLarge { .. } => ApiError::PayloadTooLarge,
        other => refused(&other.message_en(), &other.message_id()),
    })?;
    let stored_text = |cell: &Cell| match cell {
        Cell::Text(text) => crate::text_guard::invalid_text(text),
        _ => None,
    };
    if let Some(row) = sheet
        .rows
        .iter()
        .find(|r| r.cells.iter().any(|c| stored_text(c).is_some()))
    {
        return Err(refused(
            &format!(
                "row {} has a cell with the NUL character, which cannot be stored",
                row.number
            ),
            &format!(
                "baris {} memuat karakter NUL yang tidak dapat disimpan",
                row.number
            ),
        ));
    }
    let guess = detect_header(module, &sheet.rows).ok_or_else(|| {
        let expected: Vec<&str> = module.fields().iter().map(|f| f.label_id).collect();
        refused(
            &format!(
                "no recognisable header row for {module}; expected columns such as {}",
                expected.join(", ")
            ),
            &format!(
                "baris judul kolom untuk {module} tidak dikenali; contoh kolom: {}",
                expected.join(", ")
            ),
        )
    })?;
    let header_row = sheet.rows[guess.index].number;
    let data = &sheet.rows[guess.index + 1..];
    if data.is_empty() {
        return Err(refused(
            "the sheet has no rows under its header",
            "tidak ada baris data di bawah judul kolom",
        ));
    }
    let width = guess.headers.len();
    let styles = (0..width)
        .map(|c| {
            let texts = data.iter().filter_map(|r| match r.cells.get(c) {
                Some(Cell::Text(t)) => Some(t.as_str()),
                _ => None,
            });
            column_style(texts).ok().flatten()
        })
        .collect();
    let rows = data
        .iter()
        .map(|r| {
            let row_data = serde_json::to_value(&r.cells).unwrap_or_default();
            let row_hash = hex::encode(Sha256::digest(row_data.to_string().as_bytes()));
            StagedRow {
                row_number: i32::try_from(r.number).unwrap_or(i32::MAX),
                row_data,
                row_hash,
            }
        })
        .collect();
    Ok(Parsed {
        sheet_name: sheet.sheet_name,
        header_row: i32::try_from(header_row).unwrap_or(i32::MAX),
        headers: guess.headers,
        mapping: guess.mapping,
        styles,
        rows,
    })
}

/// Whether the upload made a new import.
pub(crate) enum Staged {
    Existing(ImportRecord),
    Created(ImportRecord),
}

/// Stages an upload (or finds the same file's import).
pub(crate) async fn stage_upload(
    tx: &mut Tx,
    state: &AppState,
    user: &UserPrincipal,
    module: ImportModule,
    upload: Upload,
) -> ApiResult<Staged> {
    let sha256 = hex::encode(Sha256::digest(&upload.bytes));
    if let Some(existing) = imports::find_same_file(tx, module, &sha256, user.id).await? {
        return Ok(Staged::Existing(existing));
    }
    let limits = state.settings.import_limits;
    let (name, bytes) = (upload.file_name.clone(), upload.bytes.clone());
    let parsed = web::block(move || parse(module, &name, &bytes, limits))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))??;
    let fingerprint = fingerprint(&parsed.headers);
    let remembered = imports::remembered_mapping(tx, module, &fingerprint)
        .await?
        .filter(|m| {
            m.as_array()
                .is_some_and(|a| a.len() == parsed.headers.len())
        });
    let mapping = remembered.unwrap_or_else(|| serde_json::json!(parsed.mapping));
    let checked = CheckedUpload {
        bucket: "import-files",
        content_type: "application/octet-stream".into(),
        name: clean_file_name(Some(&upload.file_name)),
    };
    let file = crate::api::files::store(tx, state, user.id, checked, upload.bytes).await?;
    let import = NewImport {
        module,
        file_id: file.id,
        sha256,
        original_name: file.original_name,
        sheet_name: parsed.sheet_name,
        header_row: parsed.header_row,
        headers: serde_json::json!(parsed.headers),
        mapping,
        number_styles: serde_json::json!(parsed.styles),
        fingerprint,
        created_by: user.id,
        owner_dept: user.dept.map(|d| d.to_string()),
    };
    Ok(Staged::Created(
        imports::stage(tx, &import, &parsed.rows).await?,
    ))
}

#[cfg(test)]
mod tests {
    use domain::imports::{sheet::SheetLimits, ImportModule};

    /// A workbook cell holding a NUL (CSV files with one are refused as not text).
    #[test]
    fn a_workbook_cell_with_a_nul_is_refused() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (col, (head, value)) in [("Nama Perusahaan", "PT A\0B"), ("Telepon", "0812")]
            .into_iter()
            .enumerate()
        {
            let col = u16::try_from(col).unwrap_or_default();
            sheet.write_string(0, col, head).ok();
            sheet.write_string(1, col, value).ok();
        }
        let bytes = book.save_to_buffer().unwrap_or_default();
        let refused = super::parse(
            ImportModule::Customers,
            "c.xlsx",
            &bytes,
            SheetLimits::default(),
        );
        let message = refused.err().map(|e| format!("{e:?}")).unwrap_or_default();
        assert!(message.contains("NUL"), "{message}");
    }
}
