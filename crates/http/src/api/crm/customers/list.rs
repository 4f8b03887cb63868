//! GET /customers (CRM-6).

use actix_web::{get, web};
use persistence::crm::customers::{self, CustomerFilter};
use serde::Deserialize;
use utoipa::IntoParams;

use super::super::{owner_filter, phone_query, require_crm, sql_sort, text};
use super::*;
use crate::{
    api::{page_request, ListBody},
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CustomerQuery {
    /// Text over name, contact, e-mail, phone (any format), code or NPWP.
    pub q: Option<String>,
    /// Owner: a user id or `me`.
    pub owner: Option<String>,
    pub city: Option<String>,
    pub deleted: Option<bool>,
    #[param(minimum = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<i64>,
    /// company_name, customer_code, city, created_at, updated_at; `-` for descending.
    #[param(value_type = Option<CustomerSort>, inline)]
    pub sort: Option<String>,
}

crate::api::sort::sort_param!(CustomerSort => customers::SORT);

impl CustomerQuery {
    pub fn filter(&self, user: &persistence::UserPrincipal) -> ApiResult<CustomerFilter> {
        let q = text(self.q.clone());
        Ok(CustomerFilter {
            q_phone: phone_query(q.as_deref()),
            q,
            owner_user_id: owner_filter("owner", self.owner.as_deref(), user.id)?,
            city: text(self.city.clone()),
            deleted: self.deleted.unwrap_or(false),
        })
    }
}

/// Lists customers in the caller's scope.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(CustomerQuery),
    responses(
        (status = 200, description = "A page of customers", body = ListBody<Customer>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "No CRM access", body = ErrorBody),
        (status = 422, description = "Invalid filter, paging or sort", body = ErrorBody),
    )
)]
#[get("/customers")]
#[tracing::instrument(name = "GET /customers", skip_all)]
pub async fn list_customers(
    ctx: UserTx,
    query: web::Query<CustomerQuery>,
) -> ApiResult<web::Json<ListBody<Customer>>> {
    let UserTx { mut tx, user } = ctx;
    require_crm(&user)?;
    let page = page_request(query.page, query.per_page)?;
    let sort = sql_sort(query.sort.as_deref(), customers::SORT)?;
    let filter = query.filter(&user)?;
    let rows = customers::list(&mut tx, &filter, page, &sort).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(ListBody::new(rows, page, Customer::from)))
}
