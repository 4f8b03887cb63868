//! GET /me/notification-preferences (NTF-1).

use actix_web::{get, web};
use persistence::notifications;

use super::NotificationPreferences;
use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

/// My delivery choice of every kind: in-app always, e-mail when I turned it on.
#[utoipa::path(
    tag = "notifications",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "One preference per kind", body = NotificationPreferences),
        (status = 401, description = "Not signed in", body = ErrorBody),
    )
)]
#[get("/me/notification-preferences")]
#[tracing::instrument(name = "GET /me/notification-preferences", skip_all)]
pub async fn get_notification_preferences(
    ctx: UserTx,
) -> ApiResult<web::Json<NotificationPreferences>> {
    let UserTx { mut tx, .. } = ctx;
    let rows = notifications::email_preferences(&mut tx).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(rows.into()))
}
