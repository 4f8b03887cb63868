//! GET /imports/templates/{module} (IMP-3).

use actix_web::{get, web, HttpResponse};
use domain::imports::fields::FieldSpec;
use persistence::reference;
use rust_xlsxwriter::{DataValidation, Format, Formula, Workbook, Worksheet, XlsxError};

use super::importable;
use crate::{
    api::sheet::XLSX,
    error::{ApiError, ApiResult, ErrorBody},
    extract::UserTx,
};

/// Rows of the data sheet that carry the validation lists.
const VALIDATED_ROWS: u32 = 10_000;

/// An .xlsx template: the `Data` sheet with the headers and an example row, drop-down
/// lists on columns with fixed choices (channels, payment methods, metric keys,
/// platforms), and a `Petunjuk` sheet explaining each column in Indonesian and English.
#[utoipa::path(
    tag = "imports",
    security(("bearer" = [])),
    params(("module" = domain::imports::ImportModule, Path)),
    responses(
        (status = 200, description = "The template", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (status = 403, description = "This role does not write this module", body = ErrorBody),
        (status = 422, description = "Unknown module", body = ErrorBody),
    )
)]
#[get("/imports/templates/{module}")]
#[tracing::instrument(name = "GET /imports/templates/{module}", skip_all)]
pub async fn import_template(ctx: UserTx, module: web::Path<String>) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    let module = importable(&user, &module)?;
    let lists = reference::import_choices(&mut tx).await?;
    persistence::commit(tx).await?;
    let choices = move |f: &FieldSpec| -> Vec<String> {
        match (f.key, f.choices.is_empty()) {
            ("channel", _) => lists.channels.clone(),
            ("metric_key", _) => lists.metric_keys.clone(),
            (_, false) => f.choices.iter().map(|c| (*c).to_owned()).collect(),
            _ => Vec::new(),
        }
    };
    let book =
        workbook(module.fields(), &choices).map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(HttpResponse::Ok()
        .content_type(XLSX)
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"template-{module}.xlsx\""),
        ))
        .body(book))
}

fn workbook(
    fields: &[FieldSpec],
    choices: &dyn Fn(&FieldSpec) -> Vec<String>,
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let mut data = Worksheet::new();
    data.set_name("Data")?;
    let mut lists = Worksheet::new();
    lists.set_name("Pilihan")?;
    let mut help = Worksheet::new();
    help.set_name("Petunjuk")?;
    for (i, h) in [
        "Kolom",
        "Column",
        "Wajib / Required",
        "Penjelasan",
        "Explanation",
    ]
    .iter()
    .enumerate()
    {
        help.write_string_with_format(0, u16::try_from(i).unwrap_or(0), *h, &bold)?;
    }
    for (col, (row, f)) in (0u16..).zip((1u32..).zip(fields)) {
        data.write_string_with_format(0, col, f.label_id, &bold)?;
        data.write_string(1, col, f.example)?;
        help.write_string(row, 0, f.label_id)?;
        help.write_string(row, 1, f.label_en)?;
        help.write_string(row, 2, if f.required { "ya / yes" } else { "tidak / no" })?;
        help.write_string(row, 3, f.help_id)?;
        help.write_string(row, 4, f.help_en)?;
        let values = choices(f);
        if values.is_empty() {
            continue;
        }
        lists.write_string_with_format(0, col, f.label_id, &bold)?;
        for (r, v) in (1u32..).zip(&values) {
            lists.write_string(r, col, v)?;
        }
        let letter = column_letter(col);
        let range = format!("=Pilihan!${letter}$2:${letter}${}", values.len() + 1);
        let validation = DataValidation::new().allow_list_formula(Formula::new(range));
        data.add_data_validation(1, col, VALIDATED_ROWS, col, &validation)?;
    }
    data.autofit();
    help.autofit();
    book.push_worksheet(data);
    book.push_worksheet(help);
    book.push_worksheet(lists);
    book.save_to_buffer()
}

/// `0` → `A`, `25` → `Z`, `26` → `AA`.
fn column_letter(col: u16) -> String {
    let mut n = u32::from(col) + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}
