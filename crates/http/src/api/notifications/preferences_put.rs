//! PUT /me/notification-preferences (NTF-1).

use actix_web::{put, web};
use domain::{
    notifications::{parse_email_choices, NotificationKind},
    FieldErrors,
};
use persistence::notifications;
use serde::Deserialize;
use utoipa::ToSchema;

use super::NotificationPreferences;
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::{UserTx, ValidJson},
};

/// The kinds to change; kinds left out keep their choice.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NotificationPreferencesRequest {
    pub preferences: Vec<EmailChoice>,
}

/// Whether to receive a kind by e-mail too (in-app cannot be turned off).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EmailChoice {
    #[schema(value_type = NotificationKind)]
    pub kind: String,
    pub email: bool,
}

struct EmailChoices(Vec<(NotificationKind, bool)>);

impl TryFrom<NotificationPreferencesRequest> for EmailChoices {
    type Error = FieldErrors;

    fn try_from(r: NotificationPreferencesRequest) -> Result<Self, FieldErrors> {
        parse_email_choices(r.preferences.iter().map(|c| (c.kind.as_str(), c.email))).map(Self)
    }
}

/// Sets my e-mail choices; answers with all my preferences.
#[utoipa::path(
    tag = "notifications",
    security(("bearer" = [])),
    request_body = NotificationPreferencesRequest,
    responses(
        (status = 200, description = "One preference per kind", body = NotificationPreferences),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 422, description = "Unknown or repeated kinds", body = ErrorBody),
    )
)]
#[put("/me/notification-preferences")]
#[tracing::instrument(name = "PUT /me/notification-preferences", skip_all)]
pub async fn put_notification_preferences(
    ctx: UserTx,
    body: ValidJson<NotificationPreferencesRequest>,
) -> ApiResult<web::Json<NotificationPreferences>> {
    let UserTx { mut tx, user } = ctx;
    let EmailChoices(choices) = body.value.try_into().map_err(ApiError::Validation)?;
    notifications::set_email_preferences(&mut tx, user.id, &choices).await?;
    let rows = notifications::email_preferences(&mut tx).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(rows.into()))
}
