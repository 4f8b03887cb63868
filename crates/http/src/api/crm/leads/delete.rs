//! DELETE /leads/{id} and POST /leads/{id}/restore: soft delete (CRM-6).

use actix_web::{delete, post, web, HttpResponse};
use domain::crm::CrmAccess;
use persistence::crm::leads;
use uuid::Uuid;

use super::super::{require_crm, require_role};
use super::dto::Lead;
use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

/// Soft-deletes a lead: it leaves lists and exports; managers can restore it.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Lead id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "No CRM access", body = ErrorBody),
        (status = 404, description = "No such live lead in your scope", body = ErrorBody),
    )
)]
#[delete("/leads/{id}")]
#[tracing::instrument(name = "DELETE /leads/{id}", skip_all)]
pub async fn delete_lead(ctx: UserTx, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_crm(&user)?;
    leads::set_deleted(&mut tx, id.into_inner(), true, user.id).await?;
    persistence::commit(tx).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Restores a soft-deleted lead (managers).
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Lead id")),
    responses(
        (status = 200, description = "The restored lead", body = Lead),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Only managers restore", body = ErrorBody),
        (status = 404, description = "No such deleted lead in your scope", body = ErrorBody),
    )
)]
#[post("/leads/{id}/restore")]
#[tracing::instrument(name = "POST /leads/{id}/restore", skip_all)]
pub async fn restore_lead(ctx: UserTx, id: web::Path<Uuid>) -> ApiResult<web::Json<Lead>> {
    let UserTx { mut tx, user } = ctx;
    require_role(&user, CrmAccess::manages)?;
    let id = id.into_inner();
    leads::set_deleted(&mut tx, id, false, user.id).await?;
    let row = leads::get(&mut tx, id).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(row.into()))
}
