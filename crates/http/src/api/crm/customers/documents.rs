//! POST /customers/{id}/documents (CRM-8).

use actix_web::{post, web, HttpResponse};
use domain::{crm::CrmAccess, FieldErrors};
use persistence::crm::customers::{self};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::super::{bounded, require_role};
use super::*;
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::{UserTx, ValidJson},
};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddDocumentRequest {
    /// A file you uploaded with `POST /files?bucket=customer-documents`.
    pub file_id: Option<Uuid>,
    pub title: Option<String>,
}

/// Attaches an uploaded document to a customer (CRM-8).
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Customer id")),
    request_body = AddDocumentRequest,
    responses(
        (status = 201, description = "Attached", body = CustomerDocument),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not allowed to add documents", body = ErrorBody),
        (status = 404, description = "No such customer in your scope", body = ErrorBody),
        (status = 409, description = "The file is already attached", body = ErrorBody),
        (status = 422, description = "Invalid fields", body = ErrorBody),
    )
)]
#[post("/customers/{id}/documents")]
#[tracing::instrument(name = "POST /customers/{id}/documents", skip_all)]
pub async fn add_document(
    ctx: UserTx,
    id: web::Path<Uuid>,
    body: ValidJson<AddDocumentRequest>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_role(&user, CrmAccess::logs_activities)?;
    let b = body.value;
    let mut errors = FieldErrors::new();
    let title = bounded(&mut errors, "title", b.title, 200, true);
    if b.file_id.is_none() {
        errors.add("file_id", "is required");
    }
    errors.into_result().map_err(ApiError::Validation)?;
    let (Some(title), Some(file_id)) = (title, b.file_id) else {
        return Err(ApiError::Internal("document invariant".to_owned()));
    };
    let id = id.into_inner();
    customers::get(&mut tx, id).await?;
    let file = persistence::files::get(&mut tx, file_id).await.ok();
    if file.is_none_or(|f| f.bucket != "customer-documents" || f.uploaded_by != Some(user.id)) {
        return Err(ApiError::validation(
            "file_id",
            "must be a file you uploaded to customer-documents",
        ));
    }
    let row = customers::add_document(&mut tx, id, file_id, &title, user.id).await?;
    persistence::commit(tx).await?;
    Ok(HttpResponse::Created().json(CustomerDocument::from(row)))
}
