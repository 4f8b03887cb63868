//! GET /marketing/spend: ad spend entries, newest day first.

use actix_web::{get, web};
use chrono::NaiveDate;
use domain::crm::marketing::{platform_filter, MarketingAccess};
use persistence::crm::marketing::{self, SpendFilter};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::{
    api::{crm::require_role, page_request, ListBody},
    error::{ApiError, ApiResult, ErrorBody},
    extract::UserTx,
};

use super::dto::*;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SpendQuery {
    pub platform: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    #[param(minimum = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<i64>,
}

/// Ad spend entries, newest day first.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(SpendQuery),
    responses(
        (status = 200, description = "A page of spend entries", body = ListBody<Spend>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Marketing data", body = ErrorBody),
        (status = 422, description = "Invalid filter or paging", body = ErrorBody),
    )
)]
#[get("/marketing/spend")]
#[tracing::instrument(name = "GET /marketing/spend", skip_all)]
pub async fn list_spend(
    ctx: UserTx,
    query: web::Query<SpendQuery>,
) -> ApiResult<web::Json<ListBody<Spend>>> {
    let UserTx { mut tx, user } = ctx;
    require_role(&user, MarketingAccess::reads)?;
    let query = query.into_inner();
    let page = page_request(query.page, query.per_page)?;
    let platform =
        platform_filter(query.platform).map_err(|m| ApiError::validation("platform", m))?;
    let filter = SpendFilter {
        platform: platform.map(|p| p.as_str().to_owned()),
        from: query.from,
        to: query.to,
    };
    let rows = marketing::spend(&mut tx, &filter, page).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(ListBody::new(rows, page, Spend::from)))
}
