//! GET /user-events: the activity log, newest first (USR-2).

use actix_web::get;
use domain::user_events::UserEventFilter;
use persistence::user_events;

use super::{require_reader, Query, UserEvent, UserEventQuery};
use crate::{
    api::{page_request, ListBody},
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

/// Who signed in (or failed to), signed out, exported, imported, viewed a sensitive page
/// or used an API key, newest first; days are Asia/Jakarta days.
#[utoipa::path(
    tag = "user-events",
    security(("bearer" = [])),
    params(UserEventQuery),
    responses(
        (status = 200, description = "A page of events", body = ListBody<UserEvent>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Only super admins read the activity log", body = ErrorBody),
        (status = 422, description = "Unknown type, bad date or a range ending before it starts", body = ErrorBody),
    )
)]
#[get("/user-events")]
#[tracing::instrument(name = "GET /user-events", skip_all)]
pub async fn list_user_events(
    ctx: UserTx,
    query: Query,
) -> ApiResult<actix_web::web::Json<ListBody<UserEvent>>> {
    let UserTx { mut tx, user } = ctx;
    require_reader(&user)?;
    let page = page_request(query.page, query.per_page)?;
    let filter = UserEventFilter::try_from(&*query)?;
    let rows = user_events::list(&mut tx, &filter, page).await?;
    persistence::commit(tx).await?;
    Ok(actix_web::web::Json(ListBody::new(
        rows,
        page,
        UserEvent::from,
    )))
}
