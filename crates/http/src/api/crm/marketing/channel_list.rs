//! GET /channels: lead channels and their aliases.

use actix_web::{get, web};
use persistence::crm::marketing;

use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

use super::dto::*;

/// Lead channels and their aliases.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Channels in display order", body = Vec<Channel>),
        (status = 401, description = "Not signed in", body = ErrorBody),
    )
)]
#[get("/channels")]
#[tracing::instrument(name = "GET /channels", skip_all)]
pub async fn list_channels(ctx: UserTx) -> ApiResult<web::Json<Vec<Channel>>> {
    let UserTx { mut tx, .. } = ctx;
    let rows = marketing::channels(&mut tx).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(rows.into_iter().map(Channel::from).collect()))
}
