//! GET /marketing/events: marketing events, newest first.

use actix_web::{get, web};
use chrono::NaiveDate;
use domain::crm::marketing::MarketingAccess;
use persistence::crm::marketing::{self, EventFilter};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::{
    api::{crm::require_role, page_request, ListBody},
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

use super::dto::*;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventQuery {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    #[param(minimum = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<i64>,
}

/// Marketing events (campaigns, content, exhibitions…), newest first.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(EventQuery),
    responses(
        (status = 200, description = "A page of events", body = ListBody<MarketingEvent>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Marketing data", body = ErrorBody),
    )
)]
#[get("/marketing/events")]
#[tracing::instrument(name = "GET /marketing/events", skip_all)]
pub async fn list_events(
    ctx: UserTx,
    query: web::Query<EventQuery>,
) -> ApiResult<web::Json<ListBody<MarketingEvent>>> {
    let UserTx { mut tx, user } = ctx;
    require_role(&user, MarketingAccess::reads)?;
    let query = query.into_inner();
    let page = page_request(query.page, query.per_page)?;
    let filter = EventFilter {
        from: query.from,
        to: query.to,
    };
    let rows = marketing::events(&mut tx, &filter, page).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(ListBody::new(rows, page, MarketingEvent::from)))
}
