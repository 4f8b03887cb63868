//! POST /files: one upload, checked (`domain::files`), written to storage, recorded.

use actix_web::{post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use domain::files::{check_upload, CheckedUpload, UploadProblem, MAX_UPLOAD_BYTES};
use persistence::files::{self, FileRow, NewFile};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::{read_body, UserTx},
    state::AppState,
};

#[derive(Debug, Serialize, ToSchema)]
pub struct StoredFile {
    pub id: Uuid,
    pub bucket: String,
    pub original_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UploadQuery {
    /// `prospect-evidence` (visit photos) or `customer-documents`.
    pub bucket: String,
    /// The file's name as the user knows it.
    pub name: Option<String>,
}

impl From<FileRow> for StoredFile {
    fn from(row: FileRow) -> Self {
        Self {
            id: row.id,
            bucket: row.bucket,
            original_name: row.original_name,
            content_type: row.content_type,
            size_bytes: row.size_bytes,
            sha256: row.sha256,
            created_at: row.created_at,
        }
    }
}

impl From<UploadProblem> for ApiError {
    fn from(problem: UploadProblem) -> Self {
        match problem {
            UploadProblem::Invalid(field, message) => ApiError::validation(field, message),
            UploadProblem::TooLarge => ApiError::PayloadTooLarge,
        }
    }
}

/// Writes the bytes under `<storage>/<bucket>/<yyyy>/<mm>/<id>` and records the file.
pub(crate) async fn store(
    tx: &mut persistence::Tx,
    state: &AppState,
    uploaded_by: Uuid,
    upload: CheckedUpload,
    body: web::Bytes,
) -> ApiResult<FileRow> {
    let id = Uuid::new_v4();
    let object_key = format!("{}/{id}", Utc::now().format("%Y/%m"));
    let sha256 = hex::encode(Sha256::digest(&body));
    let path = state
        .settings
        .storage_dir
        .join(upload.bucket)
        .join(&object_key);
    let size = i64::try_from(body.len()).unwrap_or(i64::MAX);
    web::block(move || {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&path, &body)
    })
    .await
    .map_err(|err| ApiError::Internal(err.to_string()))?
    .map_err(|err| ApiError::Internal(format!("storage: {err}")))?;
    let file = NewFile {
        id,
        bucket: upload.bucket.to_owned(),
        object_key,
        original_name: upload.name,
        content_type: upload.content_type,
        size_bytes: size,
        sha256,
        uploaded_by,
    };
    files::insert(tx, &file).await?;
    Ok(files::get(tx, id).await?)
}

/// Uploads one file: the request body is the file itself, its `Content-Type` the file's
/// type (JPEG, PNG or WebP photos; PDF documents), at most 10 MB.
#[utoipa::path(
    tag = "files",
    security(("bearer" = [])),
    params(UploadQuery),
    request_body(content = Vec<u8>, content_type = "image/jpeg", description = "The file's bytes"),
    responses(
        (status = 201, description = "Stored", body = StoredFile),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 413, description = "Larger than 10 MB", body = ErrorBody),
        (status = 422, description = "Unknown bucket, wrong type or empty file", body = ErrorBody),
    )
)]
#[post("/files")]
#[tracing::instrument(name = "POST /files", skip_all)]
pub async fn upload_file(
    ctx: UserTx,
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<UploadQuery>,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    let body = read_body(payload.into_inner(), MAX_UPLOAD_BYTES).await?;
    let content_type = req
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok());
    let upload = check_upload(&query.bucket, content_type, query.name.as_deref(), &body)?;
    let row = store(&mut tx, &state, user.id, upload, body).await?;
    persistence::commit(tx).await?;
    Ok(HttpResponse::Created().json(StoredFile::from(row)))
}
