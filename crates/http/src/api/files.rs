//! Files (`POST /files`, `GET /files/{id}`): uploads go to object storage under their
//! bucket; downloads are checked by row-level security on `files`.

use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use persistence::files::{self, NewFile};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::UserTx,
    state::AppState,
};

/// Largest accepted upload.
pub const MAX_UPLOAD_BYTES: usize = 10 * 1024 * 1024;

/// The buckets users upload to, with the content types each accepts.
const BUCKETS: &[(&str, &[&str])] = &[
    (
        "prospect-evidence",
        &["image/jpeg", "image/png", "image/webp"],
    ),
    (
        "customer-documents",
        &["application/pdf", "image/jpeg", "image/png"],
    ),
    (
        "ticket-attachments",
        &["application/pdf", "image/jpeg", "image/png", "image/webp"],
    ),
];

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
    body: web::Bytes,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    let Some((bucket, types)) = BUCKETS.iter().find(|(b, _)| *b == query.bucket) else {
        return Err(ApiError::validation(
            "bucket",
            "is not a bucket you can upload to",
        ));
    };
    let content_type = req
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_lowercase()
        })
        .unwrap_or_default();
    if !types.contains(&content_type.as_str()) {
        return Err(ApiError::validation(
            "content_type",
            format!("must be one of {}", types.join(", ")),
        ));
    }
    if body.is_empty() {
        return Err(ApiError::validation("body", "the file is empty"));
    }
    if body.len() > MAX_UPLOAD_BYTES {
        return Err(ApiError::PayloadTooLarge);
    }
    if !sniff_matches(&content_type, &body) {
        return Err(ApiError::validation(
            "content_type",
            "the file's content does not match its type",
        ));
    }
    let id = Uuid::new_v4();
    let object_key = format!("{}/{id}", Utc::now().format("%Y/%m"));
    let sha256 = hex::encode(Sha256::digest(&body));
    let name: String = query
        .name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .unwrap_or("upload")
        .chars()
        .filter(|c| !c.is_control() && *c != '/' && *c != '\\')
        .take(200)
        .collect();
    let path = state.settings.storage_dir.join(bucket).join(&object_key);
    let bytes = body.clone();
    web::block(move || {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&path, &bytes)
    })
    .await
    .map_err(|err| ApiError::Internal(err.to_string()))?
    .map_err(|err| ApiError::Internal(format!("storage: {err}")))?;
    let size = i64::try_from(body.len()).unwrap_or(i64::MAX);
    files::insert(
        &mut tx,
        &NewFile {
            id,
            bucket: (*bucket).to_owned(),
            object_key,
            original_name: name,
            content_type,
            size_bytes: size,
            sha256,
            uploaded_by: user.id,
        },
    )
    .await?;
    let row = files::get(&mut tx, id).await?;
    persistence::commit(tx).await?;
    Ok(HttpResponse::Created().json(StoredFile {
        id: row.id,
        bucket: row.bucket,
        original_name: row.original_name,
        content_type: row.content_type,
        size_bytes: row.size_bytes,
        sha256: row.sha256,
        created_at: row.created_at,
    }))
}

/// Whether the first bytes agree with the declared type.
fn sniff_matches(content_type: &str, body: &[u8]) -> bool {
    match content_type {
        "image/jpeg" => body.starts_with(&[0xFF, 0xD8, 0xFF]),
        "image/png" => body.starts_with(b"\x89PNG\r\n\x1a\n"),
        "image/webp" => body.len() > 12 && &body[0..4] == b"RIFF" && &body[8..12] == b"WEBP",
        "application/pdf" => body.starts_with(b"%PDF-"),
        _ => false,
    }
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
    let UserTx { mut tx, .. } = ctx;
    let row = files::get(&mut tx, id.into_inner()).await?;
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
            format!(
                "inline; filename=\"{}\"",
                row.original_name.replace('"', "")
            ),
        ))
        .body(bytes))
}

/// Registers the operations of this module (literal paths before `{id}` paths).
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(upload_file).service(download_file);
}
