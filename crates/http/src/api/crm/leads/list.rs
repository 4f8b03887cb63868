//! GET /leads: the lead list with its filters (CRM-6).

use actix_web::{get, web};
use chrono::NaiveDate;
use domain::crm::LeadStatus;
use persistence::{
    crm::leads::{self, LeadFilter},
    UserPrincipal,
};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use super::super::{enum_list, owner_filter, phone_query, require_crm, sql_sort, text};
use super::dto::Lead;
use crate::{
    api::{page_request, ListBody},
    error::{ApiError, ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LeadQuery {
    /// Text over company, contact, e-mail and phone (any phone format), or a lead code.
    pub q: Option<String>,
    /// Comma-separated statuses.
    #[param(value_type = Option<LeadStatuses>, inline)]
    pub status: Option<String>,
    /// Comma-separated channel codes.
    pub channel: Option<String>,
    /// Sales owner: a user id or `me`.
    pub owner: Option<String>,
    /// Marketing owner: a user id or `me`.
    pub marketing_owner: Option<String>,
    /// `true`: the handover queue (no sales owner yet).
    pub unassigned: Option<bool>,
    pub customer_id: Option<Uuid>,
    pub prospect_id: Option<Uuid>,
    pub need_rfq: Option<bool>,
    /// First day (Asia/Jakarta) of `created_at`, `YYYY-MM-DD`.
    pub from: Option<NaiveDate>,
    /// Last day (inclusive) of `created_at`, `YYYY-MM-DD`.
    pub to: Option<NaiveDate>,
    /// `true`: soft-deleted leads (managers restore them from here).
    pub deleted: Option<bool>,
    #[param(minimum = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<i64>,
    /// created_at, lead_code, company_name, contact_name, status, channel, updated_at; `-` for descending.
    #[param(value_type = Option<LeadSort>, inline)]
    pub sort: Option<String>,
}

crate::api::sort::list_param!(LeadStatuses => LeadStatus);

crate::api::sort::sort_param!(LeadSort => leads::SORT);

impl LeadQuery {
    pub fn filter(&self, user: &UserPrincipal) -> ApiResult<LeadFilter> {
        let q = text(self.q.clone());
        if let (Some(from), Some(to)) = (self.from, self.to) {
            if from > to {
                return Err(ApiError::validation("to", "must not be before from"));
            }
        }
        Ok(LeadFilter {
            q_phone: phone_query(q.as_deref()),
            q,
            status: enum_list::<LeadStatus>("status", self.status.as_deref(), LeadStatus::as_str)?,
            channel: self
                .channel
                .as_deref()
                .map(|raw| {
                    raw.split(',')
                        .map(|c| c.trim().to_lowercase())
                        .filter(|c| !c.is_empty())
                        .collect()
                })
                .unwrap_or_default(),
            sales_owner_user_id: owner_filter("owner", self.owner.as_deref(), user.id)?,
            marketing_owner_user_id: owner_filter(
                "marketing_owner",
                self.marketing_owner.as_deref(),
                user.id,
            )?,
            unassigned: self.unassigned,
            customer_id: self.customer_id,
            prospect_id: self.prospect_id,
            need_rfq: self.need_rfq,
            from: self.from,
            to: self.to,
            deleted: self.deleted.unwrap_or(false),
        })
    }
}

/// Lists leads in the caller's scope (CRM-6).
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(LeadQuery),
    responses(
        (status = 200, description = "A page of leads", body = ListBody<Lead>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "No CRM access", body = ErrorBody),
        (status = 422, description = "Invalid filter, paging or sort", body = ErrorBody),
    )
)]
#[get("/leads")]
#[tracing::instrument(name = "GET /leads", skip_all)]
pub async fn list_leads(
    ctx: UserTx,
    query: web::Query<LeadQuery>,
) -> ApiResult<web::Json<ListBody<Lead>>> {
    let UserTx { mut tx, user } = ctx;
    require_crm(&user)?;
    let page = page_request(query.page, query.per_page)?;
    let sort = sql_sort(query.sort.as_deref(), leads::SORT)?;
    let filter = query.filter(&user)?;
    let rows = leads::list(&mut tx, &filter, page, &sort).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(ListBody::new(rows, page, Lead::from)))
}
