//! GET /prospects.

use actix_web::{get, web};
use chrono::NaiveDate;
use domain::crm::Stage;
use persistence::crm::prospects::{self, ProspectFilter};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use super::super::{enum_list, owner_filter, require_crm, sql_sort, text};
use super::*;
use crate::{
    api::{page_request, ListBody},
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProspectQuery {
    /// Customer name or prospect code.
    pub q: Option<String>,
    /// Comma-separated stages.
    #[param(value_type = Option<Stages>, inline)]
    pub stage: Option<String>,
    /// Owner: a user id or `me`.
    pub owner: Option<String>,
    pub customer_id: Option<Uuid>,
    pub unassigned: Option<bool>,
    /// Expected close date from (inclusive).
    pub close_from: Option<NaiveDate>,
    /// Expected close date to (inclusive).
    pub close_to: Option<NaiveDate>,
    pub deleted: Option<bool>,
    #[param(minimum = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<i64>,
    /// created_at, updated_at, prospect_code, stage, expected_value, expected_close_date, stage_changed_at.
    #[param(value_type = Option<ProspectSort>, inline)]
    pub sort: Option<String>,
}

crate::api::sort::list_param!(Stages => Stage);

crate::api::sort::sort_param!(ProspectSort => prospects::SORT);

impl ProspectQuery {
    pub fn filter(&self, user: &persistence::UserPrincipal) -> ApiResult<ProspectFilter> {
        Ok(ProspectFilter {
            q: text(self.q.clone()),
            stage: enum_list::<Stage>("stage", self.stage.as_deref(), Stage::as_str)?,
            owner_user_id: owner_filter("owner", self.owner.as_deref(), user.id)?,
            customer_id: self.customer_id,
            unassigned: self.unassigned,
            close_from: self.close_from,
            close_to: self.close_to,
            deleted: self.deleted.unwrap_or(false),
        })
    }
}

/// Lists prospects in the caller's scope.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(ProspectQuery),
    responses(
        (status = 200, description = "A page of prospects", body = ListBody<Prospect>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "No CRM access", body = ErrorBody),
        (status = 422, description = "Invalid filter, paging or sort", body = ErrorBody),
    )
)]
#[get("/prospects")]
#[tracing::instrument(name = "GET /prospects", skip_all)]
pub async fn list_prospects(
    ctx: UserTx,
    query: web::Query<ProspectQuery>,
) -> ApiResult<web::Json<ListBody<Prospect>>> {
    let UserTx { mut tx, user } = ctx;
    require_crm(&user)?;
    let page = page_request(query.page, query.per_page)?;
    let sort = sql_sort(query.sort.as_deref(), prospects::SORT)?;
    let filter = query.filter(&user)?;
    let rows = prospects::list(&mut tx, &filter, page, &sort).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(ListBody::new(rows, page, Prospect::from)))
}
