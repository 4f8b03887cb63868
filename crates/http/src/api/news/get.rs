//! GET /news/{id} (NEWS-1).

use actix_web::{get, web};
use persistence::news;
use uuid::Uuid;

use super::News;
use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

/// One post you may read: a draft, a scheduled post or another audience's post is a 404
/// for readers.
#[utoipa::path(
    tag = "news",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Post id")),
    responses(
        (status = 200, description = "The post", body = News),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such post you may read", body = ErrorBody),
    )
)]
#[get("/news/{id}")]
#[tracing::instrument(name = "GET /news/{id}", skip_all)]
pub async fn get_news(ctx: UserTx, id: web::Path<Uuid>) -> ApiResult<web::Json<News>> {
    let UserTx { mut tx, .. } = ctx;
    let row = news::get(&mut tx, id.into_inner()).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(News::from(row)))
}
