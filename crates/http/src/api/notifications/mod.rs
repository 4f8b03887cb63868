//! NTF-1, the in-app part: my notifications, the unread count, mark read, and my
//! preferences (in-app always, e-mail per kind).

mod list;
mod mark_read;
mod preferences_get;
mod preferences_put;
mod read_all;
mod unread_count;

use chrono::{DateTime, Utc};
use domain::notifications::NotificationKind;
use persistence::notifications::NotificationRow;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

pub use list::{NotificationList, NotificationQuery};
pub use mark_read::MarkedRead;
pub use preferences_put::NotificationPreferencesRequest;
pub use unread_count::UnreadCount;

#[derive(Debug, Serialize, ToSchema)]
pub struct Notification {
    pub id: Uuid,
    pub kind: NotificationKind,
    pub title: String,
    pub body: String,
    /// Where in the SPA the notification leads, e.g. `/crm/leads/<id>`.
    pub link: Option<String>,
    pub read_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl From<NotificationRow> for Notification {
    fn from(r: NotificationRow) -> Self {
        Self {
            id: r.id,
            kind: r.kind.0,
            title: r.title,
            body: r.body,
            link: r.link,
            read_at: r.read_at,
            created_at: r.created_at,
        }
    }
}

/// One kind's delivery: in-app always; e-mail when asked for.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NotificationPreference {
    pub kind: NotificationKind,
    /// Always true: every notification shows in the app.
    #[serde(default = "in_app")]
    pub in_app: bool,
    /// Also by e-mail (sent only when the server has SMTP settings).
    pub email: bool,
}

fn in_app() -> bool {
    true
}

/// My preferences, one per kind, in display order.
#[derive(Debug, Serialize, ToSchema)]
pub struct NotificationPreferences {
    pub data: Vec<NotificationPreference>,
}

impl From<Vec<(NotificationKind, bool)>> for NotificationPreferences {
    fn from(rows: Vec<(NotificationKind, bool)>) -> Self {
        Self {
            data: rows
                .into_iter()
                .map(|(kind, email)| NotificationPreference {
                    kind,
                    in_app: true,
                    email,
                })
                .collect(),
        }
    }
}

/// Registers the operations of this module (literal paths before `{id}` paths).
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list::list_notifications)
        .service(unread_count::unread_count)
        .service(read_all::mark_all_read)
        .service(mark_read::mark_read)
        .service(preferences_get::get_notification_preferences)
        .service(preferences_put::put_notification_preferences);
}
