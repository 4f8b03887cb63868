//! GET /leads/{id}.

use actix_web::{get, web};
use persistence::crm::leads;
use uuid::Uuid;

use super::super::require_crm;
use super::dto::Lead;
use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

/// One lead (deleted ones too, for the restore view).
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Lead id")),
    responses(
        (status = 200, description = "The lead", body = Lead),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "No CRM access", body = ErrorBody),
        (status = 404, description = "No such lead in your scope", body = ErrorBody),
    )
)]
#[get("/leads/{id}")]
#[tracing::instrument(name = "GET /leads/{id}", skip_all)]
pub async fn get_lead(ctx: UserTx, id: web::Path<Uuid>) -> ApiResult<web::Json<Lead>> {
    let UserTx { mut tx, user } = ctx;
    require_crm(&user)?;
    let row = leads::get(&mut tx, id.into_inner()).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(row.into()))
}
