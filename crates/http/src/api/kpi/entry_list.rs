//! GET /kpi/entries (KPI-3).

use actix_web::{get, web};
use chrono::NaiveDate;
use domain::kpi::assignee::Assignee;
use persistence::kpi::entries::{self, EntryFilter};
use serde::Deserialize;
use utoipa::IntoParams;

use super::{require_reader, AssigneeFilterQuery, Entry};
use crate::{
    api::{page_request, ListBody},
    error::{ApiError, ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EntryQuery {
    pub metric_key: Option<String>,
    /// Entries dated on or after.
    pub from: Option<NaiveDate>,
    /// Entries dated on or before.
    pub to: Option<NaiveDate>,
    #[param(minimum = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<i64>,
}

impl EntryQuery {
    pub(crate) fn filter(&self, assignee: Option<Assignee>) -> EntryFilter {
        EntryFilter {
            metric_key: self.metric_key.clone(),
            assignee,
            from: self.from,
            to: self.to,
        }
    }
}

/// The manual and imported values you may read, newest first.
#[utoipa::path(
    tag = "kpi",
    security(("bearer" = [])),
    params(EntryQuery, AssigneeFilterQuery),
    responses(
        (status = 200, description = "A page of entries", body = ListBody<Entry>),
        (status = 403, description = "This role has no KPI", body = ErrorBody),
        (status = 422, description = "Invalid filters", body = ErrorBody),
    )
)]
#[get("/kpi/entries")]
#[tracing::instrument(name = "GET /kpi/entries", skip_all)]
pub async fn list_entries(
    ctx: UserTx,
    query: web::Query<EntryQuery>,
    who: web::Query<AssigneeFilterQuery>,
) -> ApiResult<web::Json<ListBody<Entry>>> {
    let UserTx { mut tx, user } = ctx;
    require_reader(&user)?;
    let page = page_request(query.page, query.per_page)?;
    let filter = query.filter(who.assignee().map_err(ApiError::Validation)?);
    let rows = entries::list(&mut tx, &filter, page).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(ListBody::new(rows, page, Entry::from)))
}
