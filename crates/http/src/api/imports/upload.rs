//! POST /imports (IMP-1).

use actix_multipart::Multipart;
use actix_web::{post, web, HttpRequest, HttpResponse};

use super::{
    importable,
    staging::{read_upload, stage_upload, Staged},
    Import,
};
use crate::{
    api::user_events::record,
    error::{ApiResult, ErrorBody},
    extract::UserTx,
    state::AppState,
};

/// The multipart form of an upload.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)] // documents the form; the handler reads it part by part
pub struct ImportUpload {
    module: domain::imports::ImportModule,
    /// The spreadsheet: .xlsx, .xls or .csv.
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

/// Uploads a spreadsheet (multipart: `module`, `file` .xlsx/.xls/.csv) and stages its
/// rows; nothing is written to the module until `process`. The same file for the same
/// module returns its existing import (200).
#[utoipa::path(
    tag = "imports",
    security(("bearer" = [])),
    request_body(content = ImportUpload, content_type = "multipart/form-data", description = "`module` and `file`"),
    responses(
        (status = 201, description = "Staged", body = Import),
        (status = 200, description = "This file was uploaded before: its import", body = Import),
        (status = 403, description = "This role does not write this module", body = ErrorBody),
        (status = 413, description = "Larger than the upload limit", body = ErrorBody),
        (status = 422, description = "Unknown module; not a spreadsheet, empty, no header, too many rows", body = ErrorBody),
    )
)]
#[post("/imports")]
#[tracing::instrument(name = "POST /imports", skip_all)]
pub async fn upload_import(
    ctx: UserTx,
    req: HttpRequest,
    state: web::Data<AppState>,
    form: Multipart,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    let upload = read_upload(form, state.settings.import_limits.max_bytes).await?;
    let module = importable(&user, &upload.module)?;
    let staged = stage_upload(&mut tx, &state, &user, module, upload).await?;
    let (created, import) = match staged {
        Staged::Created(import) => (true, Import::from(import)),
        Staged::Existing(import) => (false, Import::from(import)),
    };
    record::import(&mut tx, &req, "upload", &import).await?;
    persistence::commit(tx).await?;
    Ok(if created {
        HttpResponse::Created().json(import)
    } else {
        HttpResponse::Ok().json(import)
    })
}
