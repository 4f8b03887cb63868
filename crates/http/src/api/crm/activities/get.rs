//! GET /activities/{id}: one activity.

use actix_web::{get, web};
use persistence::crm::activities;
use uuid::Uuid;

use crate::{
    api::crm::require_crm,
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

use super::dto::*;

/// One activity.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Activity id")),
    responses(
        (status = 200, description = "The activity", body = Activity),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "No CRM access", body = ErrorBody),
        (status = 404, description = "No such activity in your scope", body = ErrorBody),
    )
)]
#[get("/activities/{id}")]
#[tracing::instrument(name = "GET /activities/{id}", skip_all)]
pub async fn get_activity(ctx: UserTx, id: web::Path<Uuid>) -> ApiResult<web::Json<Activity>> {
    let UserTx { mut tx, user } = ctx;
    require_crm(&user)?;
    let row = activities::get(&mut tx, id.into_inner()).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(row.into()))
}
