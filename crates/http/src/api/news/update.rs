//! PATCH /news/{id} (NEWS-1).

use actix_web::{patch, web};
use domain::{news::PostPatch, FieldErrors, Role};
use persistence::news;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::{nullable, require_writer, News};
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::{UserTx, ValidJson},
};

/// What to change; absent fields stay as they are.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateNewsRequest {
    pub title: Option<String>,
    pub body: Option<String>,
    /// A time (RFC 3339), or `null` to make the post a draft again.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>, format = DateTime, nullable)]
    pub published_at: Option<Option<String>>,
    pub pinned: Option<bool>,
    /// Empty: every role.
    #[schema(value_type = Option<Vec<Role>>)]
    pub audience_roles: Option<Vec<String>>,
}

impl TryFrom<UpdateNewsRequest> for PostPatch {
    type Error = FieldErrors;

    fn try_from(r: UpdateNewsRequest) -> Result<Self, FieldErrors> {
        PostPatch::parse(r.title, r.body, r.published_at, r.pinned, r.audience_roles)
    }
}

/// Changes a post (administrators).
#[utoipa::path(
    tag = "news",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Post id")),
    request_body = UpdateNewsRequest,
    responses(
        (status = 200, description = "The post", body = News),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Only administrators write news", body = ErrorBody),
        (status = 404, description = "No such post", body = ErrorBody),
        (status = 422, description = "Invalid fields (all of them reported)", body = ErrorBody),
    )
)]
#[patch("/news/{id}")]
#[tracing::instrument(name = "PATCH /news/{id}", skip_all)]
pub async fn update_news(
    ctx: UserTx,
    id: web::Path<Uuid>,
    body: ValidJson<UpdateNewsRequest>,
) -> ApiResult<web::Json<News>> {
    let UserTx { mut tx, user } = ctx;
    require_writer(&user)?;
    let patch = PostPatch::try_from(body.value).map_err(ApiError::Validation)?;
    let row = news::update(&mut tx, id.into_inner(), &patch, user.id).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(News::from(row)))
}
