//! POST /news (NEWS-1).

use actix_web::{http::StatusCode, post, HttpRequest, HttpResponse};
use domain::{
    news::{NewPost, PostInput},
    FieldErrors, Role,
};
use persistence::news;
use serde::Deserialize;
use utoipa::ToSchema;

use super::{require_writer, News};
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::{IdempotencyKey, UserTx, ValidJson},
    idempotency::{Claimed, Idempotency},
};

/// A new post. Author and times of writing are the server's.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateNewsRequest {
    /// 1 to 200 characters.
    #[schema(example = "Jadwal libur akhir tahun")]
    pub title: Option<String>,
    /// Markdown, at most 20,000 characters. Raw HTML is shown as text.
    pub body: Option<String>,
    /// When readers see it (RFC 3339); absent or null: a draft.
    #[schema(value_type = Option<String>, format = DateTime, example = "2026-12-01T08:00:00+07:00")]
    pub published_at: Option<String>,
    pub pinned: Option<bool>,
    /// The roles that read it; absent or empty: every role.
    #[schema(value_type = Option<Vec<Role>>)]
    pub audience_roles: Option<Vec<String>>,
}

impl TryFrom<CreateNewsRequest> for NewPost {
    type Error = FieldErrors;

    fn try_from(r: CreateNewsRequest) -> Result<Self, FieldErrors> {
        NewPost::parse(PostInput {
            title: r.title,
            body: r.body,
            published_at: r.published_at,
            pinned: r.pinned,
            audience_roles: r.audience_roles,
        })
    }
}

/// Writes a post (administrators); accepts `Idempotency-Key`.
#[utoipa::path(
    tag = "news",
    security(("bearer" = [])),
    request_body = CreateNewsRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe")),
    responses(
        (status = 201, description = "The post", body = News),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Only administrators write news", body = ErrorBody),
        (status = 409, description = "The Idempotency-Key is in use", body = ErrorBody),
        (status = 422, description = "Invalid fields (all of them reported)", body = ErrorBody),
    )
)]
#[post("/news")]
#[tracing::instrument(name = "POST /news", skip_all)]
pub async fn create_news(
    ctx: UserTx,
    req: HttpRequest,
    key: IdempotencyKey,
    body: ValidJson<CreateNewsRequest>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_writer(&user)?;
    let post = NewPost::try_from(body.value).map_err(ApiError::Validation)?;
    let idem = match Idempotency::claim(&mut tx, key, &req, &body.fingerprint).await? {
        Claimed::Proceed(idem) => idem,
        Claimed::Replay(response) => return Ok(response),
    };
    let created = news::create(&mut tx, &post, user.id).await?;
    let response = idem
        .respond(&mut tx, StatusCode::CREATED, &News::from(created))
        .await?;
    persistence::commit(tx).await?;
    Ok(response)
}
