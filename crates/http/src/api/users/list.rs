use actix_web::{get, web};
use domain::list::parse_sort;
use persistence::users::{self, UserFilter, UserSort};
use serde::Deserialize;
use utoipa::IntoParams;

use super::User;
use crate::{
    api::{page_request, ListBody},
    error::{ApiError, ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListUsersQuery {
    /// Text search over name and e-mail.
    pub q: Option<String>,
    pub role: Option<String>,
    pub dept: Option<String>,
    pub is_active: Option<bool>,
    pub manager_user_id: Option<uuid::Uuid>,
    #[param(minimum = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<i64>,
    /// Comma-separated fields, `-` for descending: full_name, email, role, dept, created_at, last_login_at.
    #[param(value_type = Option<UserSortParam>, inline)]
    pub sort: Option<String>,
}

crate::api::sort::sort_param!(UserSortParam => UserSort::ALLOWED);

/// Lists users: the company directory for every signed-in user.
#[utoipa::path(
    tag = "users",
    security(("bearer" = [])),
    params(ListUsersQuery),
    responses(
        (status = 200, description = "A page of users", body = ListBody<User>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 422, description = "Invalid paging or sort", body = ErrorBody),
    )
)]
#[get("/users")]
#[tracing::instrument(name = "GET /users", skip_all)]
pub async fn list_users(
    ctx: UserTx,
    query: web::Query<ListUsersQuery>,
) -> ApiResult<web::Json<ListBody<User>>> {
    let UserTx { mut tx, .. } = ctx;
    let query = query.into_inner();
    let page = page_request(query.page, query.per_page)?;
    let sort = parse_sort(query.sort.as_deref(), UserSort::ALLOWED)
        .map_err(|m| ApiError::validation("sort", m))?;
    let filter = UserFilter {
        q: query
            .q
            .map(|q| q.trim().to_owned())
            .filter(|q| !q.is_empty()),
        role: query.role,
        dept: query.dept,
        is_active: query.is_active,
        manager_user_id: query.manager_user_id,
    };
    let rows = users::list(&mut tx, &filter, page, &sort).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(ListBody::new(rows, page, User::from)))
}
