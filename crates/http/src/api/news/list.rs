//! GET /news (NEWS-1).

use actix_web::{get, web};
use domain::news::NewsState;
use persistence::news;
use serde::Deserialize;
use utoipa::IntoParams;

use super::News;
use crate::{
    api::{page_request, ListBody},
    error::{ApiError, ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NewsQuery {
    /// Only posts of this state (readers only ever see published ones).
    #[param(value_type = Option<NewsState>)]
    pub state: Option<String>,
    /// The first `limit` posts (a dashboard widget): the same as `per_page` on page 1.
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    #[param(minimum = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<i64>,
}

/// The posts you may read, pinned first, then newest. Administrators also get drafts and
/// scheduled posts.
#[utoipa::path(
    tag = "news",
    security(("bearer" = [])),
    params(NewsQuery),
    responses(
        (status = 200, description = "A page of posts", body = ListBody<News>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 422, description = "Invalid filters (all of them reported)", body = ErrorBody),
    )
)]
#[get("/news")]
#[tracing::instrument(name = "GET /news", skip_all)]
pub async fn list_news(
    ctx: UserTx,
    query: web::Query<NewsQuery>,
) -> ApiResult<web::Json<ListBody<News>>> {
    let UserTx { mut tx, .. } = ctx;
    let (state, page) = query.parse().map_err(ApiError::Validation)?;
    let rows = news::list(&mut tx, state, page).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(ListBody::new(rows, page, News::from)))
}

impl NewsQuery {
    fn parse(&self) -> Result<(Option<NewsState>, domain::list::PageRequest), domain::FieldErrors> {
        let mut errors = domain::FieldErrors::new();
        let state = self
            .state
            .as_deref()
            .and_then(|s| errors.take("state", s.parse::<NewsState>()));
        let (page, per_page) = match self.limit {
            Some(limit) if self.page.is_none() && self.per_page.is_none() => (None, Some(limit)),
            Some(_) => {
                errors.add("limit", "give either limit or page and per_page");
                (self.page, self.per_page)
            }
            None => (self.page, self.per_page),
        };
        let page = page_request(page, per_page)
            .map_err(|e| match e {
                ApiError::Validation(fields) => errors.merge(fields),
                _ => errors.add("page", "is invalid"),
            })
            .ok();
        match (page, errors.is_empty()) {
            (Some(page), true) => Ok((state, page)),
            _ => Err(errors),
        }
    }
}
