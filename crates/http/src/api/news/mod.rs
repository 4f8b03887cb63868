//! News (SPEC §4.9, NEWS-1): posts with a Markdown body rendered and sanitised by the
//! server (`body_html`), pinned first then newest. Administrators (super admin) write and
//! see drafts and scheduled posts; every signed-in role reads the published posts of its
//! audience (row-level security: anything else is a 404).

mod create;
mod delete;
mod dto;
mod get;
mod list;
mod preview;
mod update;

pub use create::*;
pub use delete::*;
pub use dto::*;
pub use get::*;
pub use list::*;
pub use preview::*;
pub use update::*;

use persistence::UserPrincipal;
use serde::{Deserialize, Deserializer};

use crate::error::{ApiError, ApiResult};

/// 403 unless the role writes news (the director writes nothing).
pub(crate) fn require_writer(user: &UserPrincipal) -> ApiResult<()> {
    if domain::news::writes_news(user.role) {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

/// absent → `None` (unchanged), `null` → `Some(None)` (cleared), a value → `Some(Some)`.
fn nullable<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// Registers the operations of this module (literal paths before `{id}`).
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_news)
        .service(create_news)
        .service(preview_news)
        .service(get_news)
        .service(update_news)
        .service(delete_news);
}
