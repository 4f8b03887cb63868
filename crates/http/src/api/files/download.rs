//! GET /files/{id}: a file the caller may read (RLS on `files`).

use actix_web::{get, web, HttpResponse};
use persistence::files;
use uuid::Uuid;

use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::UserTx,
    state::AppState,
};

/// The name a download carries: the uploader's, or for callers who may not read the
/// customer's identity (Operations, TCK-5) a neutral one with the same extension unless
/// they uploaded it themselves, since names such as "NPWP PT … .pdf" identify the customer.
fn shown_name(row: &files::FileRow, identity: bool) -> String {
    if identity {
        return row.original_name.replace('"', "");
    }
    let extension = std::path::Path::new(&row.original_name)
        .extension()
        .and_then(|e| e.to_str())
        .filter(|e| e.len() <= 8 && e.chars().all(|c| c.is_ascii_alphanumeric()))
        .map(|e| format!(".{e}"))
        .unwrap_or_default();
    format!("file-{}{extension}", row.id)
}

/// Downloads a file you may read (your own uploads; visit photos of activities in your
/// scope).
#[utoipa::path(
    tag = "files",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "File id")),
    responses(
        (status = 200, description = "The file's bytes", content_type = "application/octet-stream", body = Vec<u8>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such file you may read", body = ErrorBody),
    )
)]
#[get("/files/{id}")]
#[tracing::instrument(name = "GET /files/{id}", skip_all)]
pub async fn download_file(
    ctx: UserTx,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    let row = files::get(&mut tx, id.into_inner()).await?;
    let identity = domain::tickets::reads_ticket_identity(user.role);
    let name = shown_name(&row, identity || row.uploaded_by == Some(user.id));
    persistence::commit(tx).await?;
    let path = state
        .settings
        .storage_dir
        .join(&row.bucket)
        .join(&row.object_key);
    let bytes = web::block(move || std::fs::read(path))
        .await
        .map_err(|err| ApiError::Internal(err.to_string()))?
        .map_err(|_| ApiError::NotFound)?;
    Ok(HttpResponse::Ok()
        .content_type(row.content_type)
        .insert_header(("Cache-Control", "private, max-age=3600"))
        .insert_header((
            "Content-Disposition",
            format!("inline; filename=\"{name}\""),
        ))
        .body(bytes))
}
