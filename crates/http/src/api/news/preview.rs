//! POST /news/preview (NEWS-1): the editor's preview, rendered exactly as readers see it.

use actix_web::{post, web};
use domain::news::{markdown, BODY_MAX};
use serde::Deserialize;
use utoipa::ToSchema;

use super::{require_writer, NewsPreview};
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::{UserTx, ValidJson},
};

/// A body to render.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PreviewNewsRequest {
    /// Markdown, at most 20,000 characters.
    pub body: String,
}

/// Renders and sanitises a Markdown body without storing anything (administrators).
#[utoipa::path(
    tag = "news",
    security(("bearer" = [])),
    request_body = PreviewNewsRequest,
    responses(
        (status = 200, description = "The rendered body", body = NewsPreview),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Only administrators write news", body = ErrorBody),
        (status = 422, description = "The body is too long", body = ErrorBody),
    )
)]
#[post("/news/preview")]
#[tracing::instrument(name = "POST /news/preview", skip_all)]
pub async fn preview_news(
    ctx: UserTx,
    body: ValidJson<PreviewNewsRequest>,
) -> ApiResult<web::Json<NewsPreview>> {
    let UserTx { tx, user } = ctx;
    require_writer(&user)?;
    if body.value.body.chars().count() > BODY_MAX {
        return Err(ApiError::validation(
            "body",
            format!("must be at most {BODY_MAX} characters"),
        ));
    }
    persistence::commit(tx).await?;
    Ok(web::Json(NewsPreview {
        body_html: markdown::render(&body.value.body),
    }))
}
